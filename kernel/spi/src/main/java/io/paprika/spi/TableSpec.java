package io.paprika.spi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A dataset's table as an accelerator sees it.
 *
 * @param dataset     the dataset name, which is also the table name (quoted in SQL when needed)
 * @param mode        {@code memory} or {@code file}
 * @param params      acceleration params with secrets resolved; only keys the accelerator declared
 * @param primaryKey  primary key columns, empty when there is none
 * @param dataDir     the folder for files of {@code mode: file} tables
 * @param indexes     indexes to keep on the table (recreated whenever the table is)
 */
public record TableSpec(String dataset, String mode, Map<String, String> params, List<String> primaryKey,
        Path dataDir, List<IndexSpec> indexes) {

    /** A table without indexes. */
    public TableSpec(String dataset, String mode, Map<String, String> params, List<String> primaryKey, Path dataDir) {
        this(dataset, mode, params, primaryKey, dataDir, List.of());
    }

    public TableSpec {
        requireNonNull(dataset, "dataset");
        requireNonNull(mode, "mode");
        params = Map.copyOf(requireNonNull(params, "params"));
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
        requireNonNull(dataDir, "dataDir");
        indexes = List.copyOf(requireNonNull(indexes, "indexes"));
    }
}

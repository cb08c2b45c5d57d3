package io.paprika.accel.duckdb;

import io.paprika.spi.ParamSpec;
import io.paprika.spi.TableSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The acceleration params this engine accepts, and how they resolve against a table spec. */
final class DuckDbParams {
    static final String FILE = "duckdb_file";
    static final String MEMORY_LIMIT = "duckdb_memory_limit";

    static final List<ParamSpec> ALL = List.of(
            ParamSpec.of(FILE, "mode: file only. The database file holding this dataset; "
                    + "default <data dir>/<dataset>.db, relative paths resolve against the data dir."),
            ParamSpec.of(MEMORY_LIMIT, "DuckDB memory limit, e.g. 2GB (applied with SET memory_limit; "
                    + "one limit for the whole engine, the last dataset to set it wins)."));

    private DuckDbParams() {
    }

    /** The file of a {@code mode: file} table. */
    static Path file(TableSpec spec) {
        String configured = spec.params().get(FILE);
        if (configured == null || configured.isBlank()) {
            return spec.dataDir().resolve(spec.dataset() + ".db").toAbsolutePath().normalize();
        }
        return spec.dataDir().resolve(configured.trim()).toAbsolutePath().normalize();
    }

    static Optional<String> memoryLimit(TableSpec spec) {
        return Optional.ofNullable(spec.params().get(MEMORY_LIMIT)).map(String::trim).filter(s -> !s.isEmpty());
    }
}

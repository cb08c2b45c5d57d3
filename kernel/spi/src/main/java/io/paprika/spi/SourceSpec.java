package io.paprika.spi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * A dataset's source as a connector sees it.
 *
 * @param dataset      the dataset name, for error messages
 * @param from         the full {@code from} value, scheme included (e.g. {@code https://host/x.csv})
 * @param params       dataset params with secrets already resolved; only keys the connector declared
 * @param spicepodDir  the folder holding the spicepod, for resolving relative paths
 */
public record SourceSpec(String dataset, String from, Map<String, String> params, Path spicepodDir) {

    public SourceSpec {
        requireNonNull(dataset, "dataset");
        requireNonNull(from, "from");
        params = Map.copyOf(requireNonNull(params, "params"));
        requireNonNull(spicepodDir, "spicepodDir");
    }

    /** The part of {@code from} after the scheme and colon: {@code file:data/x.csv} gives {@code data/x.csv}. */
    public String location() {
        int colon = from.indexOf(':');
        return colon < 0 ? from : from.substring(colon + 1);
    }
}

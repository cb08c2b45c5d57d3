package io.paprika.spi;

import java.util.List;

/**
 * A source of datasets, registered as an OSGi service with the {@link #SCHEMES} property listing
 * the {@code from} schemes it serves (e.g. {@code http}, {@code https}).
 */
public interface Connector {
    /** Service property: the schemes served, a {@code String[]}. */
    String SCHEMES = "paprika.connector.schemes";

    /** Every param this connector accepts; any other dataset param is an error naming it. */
    List<ParamSpec> params();

    /**
     * Checks the spec (URL, params) and returns a table to scan. Cheap: no data is read yet.
     *
     * @throws ConnectorException if the spec is invalid, with a message naming what is wrong
     */
    SourceTable open(SourceSpec spec) throws ConnectorException;
}

package io.paprika.spi;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a query will return and what it takes, known without running it: the result schema (as
 * the engine's Arrow export will produce it) and one field per {@code ?} parameter, in order.
 */
public record QueryShape(Schema result, Schema parameters) {

    public QueryShape {
        requireNonNull(result, "result");
        requireNonNull(parameters, "parameters");
    }
}

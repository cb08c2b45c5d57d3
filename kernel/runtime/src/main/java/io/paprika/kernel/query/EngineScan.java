package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.plugin.PluginRef;
import io.paprika.kernel.query.dialect.Dialects;
import io.paprika.kernel.query.plan.Scan;
import io.paprika.spi.Accelerator;
import io.paprika.spi.ArrowStream;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** An accelerated dataset read from its engine, with columns, filters and limit run in that engine. */
final class EngineScan implements FederatedInput {
    private final String name;
    private final PluginRef engine;
    private final Scan scan;

    EngineScan(String name, PluginRef engine, Scan scan) {
        this.name = requireNonNull(name, "name");
        this.engine = requireNonNull(engine, "engine");
        this.scan = requireNonNull(scan, "scan");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ArrowStream open(BufferAllocator allocator) throws QueryException {
        Accelerator a = (Accelerator) engine.service();
        try {
            return a.query(Dialects.translate(scan.sql(), a.dialect()), allocator);
        } catch (SQLException e) {
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT, "SQL error reading `" + name + "` from engine "
                    + engineName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Schema schema(BufferAllocator allocator) throws QueryException {
        Accelerator a = (Accelerator) engine.service();
        try {
            return a.describe(Dialects.translate(scan.sql(), a.dialect()), allocator).result();
        } catch (SQLException e) {
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT, "SQL error reading `" + name + "` from engine "
                    + engineName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String explain() {
        return name + " in engine " + engineName() + ": " + scan.sql();
    }

    private String engineName() {
        return engine.names().isEmpty() ? "?" : engine.names().get(0);
    }
}

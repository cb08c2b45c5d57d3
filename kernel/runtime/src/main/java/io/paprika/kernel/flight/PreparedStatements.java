package io.paprika.kernel.flight;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.QueryShape;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flight SQL prepared statements by handle: the SQL, its shape, and the parameters last bound by
 * DoPut. Statements live until closed; the JDBC driver closes them with the statement.
 */
final class PreparedStatements {
    /** One prepared statement; {@code parameters} is replaced by each DoPut. */
    static final class Prepared {
        final String sql;
        final QueryShape shape;
        volatile List<Object> parameters = List.of();

        Prepared(String sql, QueryShape shape) {
            this.sql = requireNonNull(sql, "sql");
            this.shape = requireNonNull(shape, "shape");
        }
    }

    private final Map<String, Prepared> byHandle = new ConcurrentHashMap<>();

    byte[] register(String sql, QueryShape shape) {
        String handle = UUID.randomUUID().toString();
        byHandle.put(handle, new Prepared(sql, shape));
        return handle.getBytes(StandardCharsets.UTF_8);
    }

    Optional<Prepared> get(byte[] handle) {
        return Optional.ofNullable(byHandle.get(new String(handle, StandardCharsets.UTF_8)));
    }

    void close(byte[] handle) {
        byHandle.remove(new String(handle, StandardCharsets.UTF_8));
    }

    int size() {
        return byHandle.size();
    }
}

package io.paprika.accel.memory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Idle H2 connections kept for queries. A new connection is a new H2 session, and a session keeps
 * its recently compiled statements, so a point lookup reusing one skips both the connect and the
 * parse. At most {@code max} stay idle; the rest close.
 */
final class QuerySessions {
    private final BlockingDeque<Connection> idle;

    QuerySessions(int max) {
        this.idle = new LinkedBlockingDeque<>(max);
    }

    /** The most recently used idle connection, or a new one from {@code connections}. */
    Connection take(Connections connections) throws SQLException {
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (!c.isClosed()) {
                return c;
            }
        }
        return connections.open();
    }

    /** Keeps {@code c} for the next query, or closes it when enough are kept or it is not clean. */
    void give(Connection c) throws SQLException {
        if (c.isClosed()) {
            return;
        }
        if (!c.getAutoCommit() || !idle.offerFirst(c)) {
            c.close();
        }
    }

    /** Closes every idle connection (the database is going away). */
    void closeAll() {
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a connection to a database being shut down
            }
        }
    }
}

package io.paprika.accel.memory;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out connections to the engine's one database; the caller closes each. */
@FunctionalInterface
interface Connections {
    Connection open() throws SQLException;
}

package io.paprika.accel.memory;

import io.paprika.spi.AccelerationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The largest value of one column. H2's plain {@code getObject} gives java.sql types for dates and
 * times, so those are read as the java.time type of the column.
 */
final class ColumnMax {
    private ColumnMax() {
    }

    /** Empty when the table is empty; the caller checked it exists. */
    static Optional<Object> of(Connection conn, String dataset, String table, String column)
            throws AccelerationException, SQLException {
        List<String> columns = columns(conn, dataset);
        String name = columns.contains(column) ? column
                : columns.stream().filter(c -> c.equalsIgnoreCase(column)).findFirst()
                        .orElseThrow(() -> new AccelerationException("dataset `" + dataset + "`: no column `" + column
                                + "` to take the largest value of; the columns are " + columns));
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT max(" + Sql.ident(name) + ") FROM " + table)) {
            rs.next();
            return Optional.ofNullable(read(rs));
        }
    }

    private static Object read(ResultSet rs) throws SQLException {
        switch (rs.getMetaData().getColumnType(1)) {
            case Types.TIMESTAMP:
                return rs.getObject(1, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return rs.getObject(1, OffsetDateTime.class);
            case Types.DATE:
                return rs.getObject(1, LocalDate.class);
            case Types.TIME:
                return rs.getObject(1, LocalTime.class);
            default:
                return rs.getObject(1);
        }
    }

    /** The table's column names, in order. */
    private static List<String> columns(Connection conn, String dataset) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}

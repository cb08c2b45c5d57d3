package io.paprika.accel.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;

class DialectSettingsTest {
    private static final String VALUES = "(VALUES (2), (NULL), (1)) t(x)";

    @Test
    void duplicatedConnectionsSortNullsAndDivideIntegersAsPostgres() throws Exception {
        try (DuckDBConnection db = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
            DialectSettings.apply(db);
            try (Connection c = db.duplicate()) {
                assertEquals(Arrays.asList(1, 2, null), column(c, "SELECT x FROM " + VALUES + " ORDER BY x"));
                assertEquals(Arrays.asList(null, 2, 1), column(c, "SELECT x FROM " + VALUES + " ORDER BY x DESC"));
                assertEquals(List.of(3, -3), column(c, "SELECT 7 / 2 UNION ALL SELECT -7 / 2 ORDER BY 1 DESC"));
                assertEquals(List.of(3.5), column(c, "SELECT 7.0 / 2"));
            }
        }
    }

    private static List<Object> column(Connection c, String sql) throws Exception {
        List<Object> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Object v = rs.getObject(1);
                out.add(v instanceof Number n && !(v instanceof Double) ? (Object) n.intValue() : v);
            }
        }
        return out;
    }
}

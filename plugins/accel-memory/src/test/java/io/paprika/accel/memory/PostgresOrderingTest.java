package io.paprika.accel.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresOrderingTest {
    private static final String VALUES = "(VALUES (2), (NULL), (1)) t(x)";

    @Test
    void nullsSortAsTheLargestValueAsInPostgres() throws Exception {
        MemoryAccelerator engine = new MemoryAccelerator();
        engine.activate();
        try (Connection c = engine.open()) {
            assertEquals(Arrays.asList(1, 2, null), column(c, "SELECT x FROM " + VALUES + " ORDER BY x"));
            assertEquals(Arrays.asList(null, 2, 1), column(c, "SELECT x FROM " + VALUES + " ORDER BY x DESC"));
            assertEquals(Arrays.asList(2, 1, null), column(c, "SELECT x FROM " + VALUES + " ORDER BY x DESC NULLS LAST"));
            assertEquals(List.of(3, -3), column(c, "SELECT 7 / 2 UNION ALL SELECT -7 / 2 ORDER BY 1 DESC"));
        } finally {
            engine.deactivate();
        }
    }

    private static List<Object> column(Connection c, String sql) throws Exception {
        List<Object> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(1));
            }
        }
        return out;
    }
}

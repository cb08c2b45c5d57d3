package io.paprika.kernel.flight;

import static io.paprika.kernel.flight.FlightMetadataTest.assertCompleted;
import static org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlOuterJoinsSupportLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedSubqueries;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedUnions;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlightMetadataSqlInfoTest {
    private final BufferAllocator allocator = new RootAllocator();
    private final FlightMetadata metadata = new FlightMetadata(List::of, allocator, "1.2.3");

    @AfterEach
    void noLeaks() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void serverIdentity() {
        Map<Integer, Object> info = sqlInfo(FLIGHT_SQL_SERVER_NAME, FLIGHT_SQL_SERVER_VERSION,
                FLIGHT_SQL_SERVER_ARROW_VERSION, FLIGHT_SQL_SERVER_READ_ONLY);
        assertEquals(4, info.size());
        assertEquals("Paprika", info.get(FLIGHT_SQL_SERVER_NAME_VALUE));
        assertEquals("1.2.3", info.get(FLIGHT_SQL_SERVER_VERSION_VALUE));
        assertEquals("18.3.0", info.get(FLIGHT_SQL_SERVER_ARROW_VERSION_VALUE));
        assertEquals(true, info.get(FLIGHT_SQL_SERVER_READ_ONLY_VALUE));
    }

    @Test
    void sqlDialect() {
        Map<Integer, Object> info = sqlInfo(SQL_DDL_CATALOG, SQL_DDL_SCHEMA, SQL_IDENTIFIER_QUOTE_CHAR,
                SQL_IDENTIFIER_CASE, SQL_QUOTED_IDENTIFIER_CASE, SQL_NULL_ORDERING, SQL_ALL_TABLES_ARE_SELECTABLE,
                SQL_SUPPORTS_COLUMN_ALIASING, SQL_SUPPORTS_LIKE_ESCAPE_CLAUSE, SQL_SEARCH_STRING_ESCAPE,
                SQL_TRANSACTIONS_SUPPORTED, FLIGHT_SQL_SERVER_TRANSACTION, SQL_KEYWORDS, SQL_STRING_FUNCTIONS);
        assertEquals(false, info.get(SQL_DDL_CATALOG_VALUE));
        assertEquals(false, info.get(SQL_DDL_SCHEMA_VALUE));
        assertEquals("\"", info.get(SQL_IDENTIFIER_QUOTE_CHAR_VALUE));
        // SqlInfoBuilder sends these enums as bigint_value, the transaction enum as int32
        assertEquals((long) SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE_VALUE,
                info.get(SQL_IDENTIFIER_CASE_VALUE));
        assertEquals((long) SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE_VALUE,
                info.get(SQL_QUOTED_IDENTIFIER_CASE_VALUE));
        assertEquals((long) SqlNullOrdering.SQL_NULLS_SORTED_HIGH_VALUE, info.get(SQL_NULL_ORDERING_VALUE));
        assertEquals(true, info.get(SQL_ALL_TABLES_ARE_SELECTABLE_VALUE));
        assertEquals(true, info.get(SQL_SUPPORTS_COLUMN_ALIASING_VALUE));
        assertEquals(true, info.get(SQL_SUPPORTS_LIKE_ESCAPE_CLAUSE_VALUE));
        assertEquals("\\", info.get(SQL_SEARCH_STRING_ESCAPE_VALUE));
        assertEquals(false, info.get(SQL_TRANSACTIONS_SUPPORTED_VALUE));
        assertEquals(SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE_VALUE,
                info.get(FLIGHT_SQL_SERVER_TRANSACTION_VALUE));
        assertTrue(((List<?>) info.get(SQL_KEYWORDS_VALUE)).contains("LIMIT"));
        assertTrue(((List<?>) info.get(SQL_STRING_FUNCTIONS_VALUE)).contains("LOWER"));
    }

    @Test
    void queryFeaturesAsBitmasks() {
        Map<Integer, Object> info = sqlInfo(SQL_OUTER_JOINS_SUPPORT_LEVEL, SQL_SUPPORTED_SUBQUERIES,
                SQL_SUPPORTED_UNIONS, SQL_SUPPORTED_GROUP_BY);
        assertTrue(has(info.get(SQL_OUTER_JOINS_SUPPORT_LEVEL_VALUE),
                SqlOuterJoinsSupportLevel.SQL_FULL_OUTER_JOINS_VALUE));
        for (SqlSupportedSubqueries kind : List.of(SqlSupportedSubqueries.SQL_SUBQUERIES_IN_COMPARISONS,
                SqlSupportedSubqueries.SQL_SUBQUERIES_IN_EXISTS, SqlSupportedSubqueries.SQL_SUBQUERIES_IN_INS,
                SqlSupportedSubqueries.SQL_SUBQUERIES_IN_QUANTIFIEDS)) {
            assertTrue(has(info.get(SQL_SUPPORTED_SUBQUERIES_VALUE), kind.getNumber()), kind.name());
        }
        assertTrue(has(info.get(SQL_SUPPORTED_UNIONS_VALUE), SqlSupportedUnions.SQL_UNION_VALUE));
        assertTrue(has(info.get(SQL_SUPPORTED_UNIONS_VALUE), SqlSupportedUnions.SQL_UNION_ALL_VALUE));
        assertNotEquals(0, info.get(SQL_SUPPORTED_GROUP_BY_VALUE));
    }

    @Test
    void anEmptyRequestGetsEveryKnownId() {
        RecordingListener l = new RecordingListener();
        metadata.sqlInfo(CommandGetSqlInfo.getDefaultInstance(), l);
        assertCompleted(l, Schemas.GET_SQL_INFO_SCHEMA);
        List<Object> ids = l.column("info_name");
        assertEquals(new HashSet<>(new ServerSqlInfo("x").ids()), new HashSet<>(ids));
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no id twice");
        assertTrue(ids.size() > 50, "broad enough for the JDBC driver: " + ids.size());
    }

    @Test
    void unknownIdsAreSkipped() {
        RecordingListener l = new RecordingListener();
        metadata.sqlInfo(CommandGetSqlInfo.newBuilder()
                .addInfo(FLIGHT_SQL_SERVER_NAME_VALUE).addInfo(99_999).addInfo(SQL_MAX_CONNECTIONS_VALUE).build(), l);
        assertCompleted(l, Schemas.GET_SQL_INFO_SCHEMA);
        assertEquals(List.of(FLIGHT_SQL_SERVER_NAME_VALUE), l.column("info_name"));

        RecordingListener none = new RecordingListener();
        metadata.sqlInfo(CommandGetSqlInfo.newBuilder().addInfo(99_999).build(), none);
        assertCompleted(none, Schemas.GET_SQL_INFO_SCHEMA);
        assertFalse(none.rows().iterator().hasNext());
    }

    private static boolean has(Object bitmask, int bit) {
        return (((Integer) bitmask) & (1 << bit)) != 0;
    }

    private Map<Integer, Object> sqlInfo(SqlInfo... ids) {
        CommandGetSqlInfo.Builder cmd = CommandGetSqlInfo.newBuilder();
        for (SqlInfo id : ids) {
            cmd.addInfo(id.getNumber());
        }
        RecordingListener l = new RecordingListener();
        metadata.sqlInfo(cmd.build(), l);
        assertCompleted(l, Schemas.GET_SQL_INFO_SCHEMA);
        Map<Integer, Object> values = new HashMap<>();
        for (List<Object> row : l.rows()) {
            values.put((Integer) row.get(0), row.get(1));
        }
        assertEquals(ids.length, l.rows().size(), "one row per requested id");
        return values;
    }
}

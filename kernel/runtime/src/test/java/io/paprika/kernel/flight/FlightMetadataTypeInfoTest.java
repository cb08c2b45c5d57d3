package io.paprika.kernel.flight;

import static io.paprika.kernel.flight.FlightMetadataTest.assertCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlightMetadataTypeInfoTest {
    private final BufferAllocator allocator = new RootAllocator();
    private final FlightMetadata metadata = new FlightMetadata(List::of, allocator, "1.2.3");

    @AfterEach
    void noLeaks() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void everyTypeAUserMeetsOrderedByDataType() {
        RecordingListener l = typeInfo(CommandGetXdbcTypeInfo.getDefaultInstance());
        assertEquals(List.of("TINYINT", "BIGINT", "VARBINARY", "BINARY", "DECIMAL", "INTEGER", "SMALLINT", "FLOAT",
                "REAL", "DOUBLE", "VARCHAR", "BOOLEAN", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE"),
                l.column("type_name"));
        List<Integer> codes = l.column("data_type").stream().map(Integer.class::cast).toList();
        List<Integer> sorted = new ArrayList<>(codes);
        sorted.sort(null);
        assertEquals(sorted, codes);
        assertTrue(codes.containsAll(List.of(Types.BOOLEAN, Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE)));
        assertTrue(l.column("nullable").stream().allMatch(v -> v.equals(DatabaseMetaData.typeNullable)));
        assertTrue(l.column("searchable").stream().allMatch(v -> v.equals(DatabaseMetaData.typeSearchable)));
        assertTrue(l.column("auto_increment").stream().allMatch(Boolean.FALSE::equals));
        assertEquals(l.column("type_name"), l.column("local_type_name"));
    }

    @Test
    void varcharRow() {
        Map<String, Object> row = only(Types.VARCHAR);
        assertEquals("VARCHAR", row.get("type_name"));
        assertEquals(Integer.MAX_VALUE, row.get("column_size"));
        assertEquals("'", row.get("literal_prefix"));
        assertEquals("'", row.get("literal_suffix"));
        assertEquals(List.of("length"), row.get("create_params"));
        assertEquals(true, row.get("case_sensitive"));
        assertNull(row.get("unsigned_attribute"));
        assertEquals(Types.VARCHAR, row.get("sql_data_type"));
        assertNull(row.get("datetime_subcode"));
        assertNull(row.get("num_prec_radix"));
    }

    @Test
    void numericRows() {
        Map<String, Object> decimal = only(Types.DECIMAL);
        assertEquals(38, decimal.get("column_size"));
        assertEquals(List.of("precision", "scale"), decimal.get("create_params"));
        assertEquals(true, decimal.get("fixed_prec_scale"));
        assertEquals(0, decimal.get("minimum_scale"));
        assertEquals(38, decimal.get("maximum_scale"));
        assertEquals(10, decimal.get("num_prec_radix"));
        assertNull(decimal.get("literal_prefix"));

        Map<String, Object> bigint = only(Types.BIGINT);
        assertEquals(19, bigint.get("column_size"));
        assertEquals(false, bigint.get("unsigned_attribute"));
        assertNull(bigint.get("create_params"));

        Map<String, Object> dbl = only(Types.DOUBLE);
        assertEquals(53, dbl.get("column_size"));
        assertEquals(2, dbl.get("num_prec_radix"));
    }

    @Test
    void datetimeRowsUseTheOdbcDatetimeFamily() {
        Map<String, Object> date = only(Types.DATE);
        assertEquals(10, date.get("column_size"));
        assertEquals("'", date.get("literal_prefix"));
        assertEquals(9, date.get("sql_data_type"));
        assertEquals(1, date.get("datetime_subcode"));

        Map<String, Object> tz = only(Types.TIMESTAMP_WITH_TIMEZONE);
        assertEquals("TIMESTAMP WITH TIME ZONE", tz.get("type_name"));
        assertEquals(9, tz.get("sql_data_type"));
        assertEquals(5, tz.get("datetime_subcode"));
        assertEquals(6, tz.get("maximum_scale"));
    }

    @Test
    void filterByDataTypeThatIsNotOffered() {
        RecordingListener l = typeInfo(CommandGetXdbcTypeInfo.newBuilder().setDataType(Types.CLOB).build());
        assertEquals(List.of(), l.rows());
    }

    private Map<String, Object> only(int dataType) {
        RecordingListener l = typeInfo(CommandGetXdbcTypeInfo.newBuilder().setDataType(dataType).build());
        assertEquals(1, l.rows().size(), "rows for type " + dataType);
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < l.schema.getFields().size(); i++) {
            row.put(l.schema.getFields().get(i).getName(), l.rows().get(0).get(i));
        }
        assertEquals(dataType, row.get("data_type"));
        return row;
    }

    private RecordingListener typeInfo(CommandGetXdbcTypeInfo cmd) {
        RecordingListener l = new RecordingListener();
        metadata.typeInfo(cmd, l);
        assertCompleted(l, Schemas.GET_TYPE_INFO_SCHEMA);
        return l;
    }
}

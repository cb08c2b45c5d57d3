package io.paprika.accel.memory;

import static io.paprika.accel.memory.KeyedRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.ConflictAction;
import io.paprika.spi.IndexSpec;
import io.paprika.spi.TableSpec;
import io.paprika.spi.testing.AcceleratorFixture;
import io.paprika.spi.testing.Results;
import io.paprika.spi.testing.TestRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class MemoryMaxDeleteIndexTest extends AcceleratorFixture<MemoryAccelerator> {
    MemoryMaxDeleteIndexTest() {
        super(new MemoryLifecycle());
    }

    private AcceleratedTable attach(String name, List<String> pk, List<IndexSpec> indexes) throws Exception {
        return engine.attach(new TableSpec(name, "memory", Map.of(), pk, dataDir, indexes));
    }

    private List<Long> ids(String table) throws Exception {
        return Results.read(engine.query("SELECT id FROM \"" + table + "\" ORDER BY id", allocator)).rows().stream()
                .map(r -> (Long) r.get(0)).toList();
    }

    /** "name TYPE" of each index on the table, sorted. */
    private List<String> indexes(String table) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = engine.open(); PreparedStatement ps = c.prepareStatement("SELECT index_name, index_type_name"
                + " FROM information_schema.indexes WHERE table_name = ? AND index_type_name <> 'PRIMARY KEY' ORDER BY 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return found;
    }

    @Test
    void maxOfTimestampsAndIntegers() throws Exception {
        AcceleratedTable t = attach("events", List.of(), List.of());
        assertEquals(Optional.empty(), t.max("ts"), "no table yet");
        load(t, 0, 2500);
        assertEquals(Optional.of(TestRows.T0.plusSeconds(2499)), t.max("ts"));
        assertTrue(t.max("ts").get() instanceof LocalDateTime);
        assertEquals(Optional.of(2499L), t.max("id"));
        assertEquals(Optional.of(TestRows.D0.plusDays(2499)), t.max("day"));
        assertEquals(Optional.of(TestRows.T0.plusSeconds(2499)), t.max("TS"), "names match case-insensitively");
        load(t, 0, 0);
        assertEquals(Optional.empty(), t.max("ts"), "empty table");
    }

    @Test
    void maxOfAZonedTimestampIsAnOffsetDateTime() throws Exception {
        Schema schema = new Schema(List.of(Field.nullable("at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"))));
        AcceleratedTable t = attach("zoned", List.of(), List.of());
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            TimeStampMicroTZVector at = (TimeStampMicroTZVector) root.getVector("at");
            at.allocateNew();
            at.setSafe(0, 1_700_000_000_123_456L);
            at.setNull(1);
            at.setSafe(2, 1_600_000_000_000_000L);
            root.setRowCount(3);
            try (ArrowReader rows = OneBatch.of(root, allocator)) {
                t.append(rows, ConflictAction.UPSERT);
            }
        }
        assertEquals(Optional.of(OffsetDateTime.of(2023, 11, 14, 22, 13, 20, 123_456_000, ZoneOffset.UTC)), t.max("at"));
    }

    @Test
    void maxOfAMissingColumnNamesTheColumns() throws Exception {
        AcceleratedTable t = attach("events", List.of(), List.of());
        load(t, 0, 3);
        AccelerationException e = assertThrows(AccelerationException.class, () -> t.max("created_at"));
        assertTrue(e.getMessage().contains("created_at") && e.getMessage().contains("ts")
                && e.getMessage().contains("events"), e.getMessage());
    }

    @Test
    void deleteRemovesExactlyTheMatchingRows() throws Exception {
        AcceleratedTable t = attach("trim", List.of("id"), List.of());
        assertEquals(0, t.delete("\"id\" > 1"), "no table yet");
        load(t, 0, 10);
        assertEquals(3, t.delete("\"id\" >= 7 OR \"name\" IS NULL AND \"id\" < 0"));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), ids("trim"));
        assertEquals(1, t.delete("\"ts\" < TIMESTAMP '2024-01-02 03:04:06'"));
        assertEquals(0, t.delete("\"id\" > 100"));
        assertEquals(6, t.rowCount());

        AccelerationException e = assertThrows(AccelerationException.class, () -> t.delete("\"nope\" = 1"));
        assertTrue(e.getMessage().contains("trim") && e.getMessage().contains("nope"), e.getMessage());
        assertEquals(6, t.rowCount());
    }

    @Test
    void indexesAreCreatedWithTheTableOnReplaceAndAppend() throws Exception {
        List<IndexSpec> specs = List.of(new IndexSpec(List.of("name"), false), new IndexSpec(List.of("day", "id"), true));
        List<String> expected = List.of("sales__idx_day_id UNIQUE INDEX", "sales__idx_name INDEX");
        AcceleratedTable t = attach("sales", List.of("id"), specs);
        load(t, 0, 100);
        assertEquals(expected, indexes("sales"));
        load(t, 50, 100); // a second swap renames the new stage's indexes again
        assertEquals(expected, indexes("sales"));
        assertEquals(150L, Results.read(engine.query("SELECT max(id) + 1 FROM sales", allocator)).single());

        AcceleratedTable appended = attach("logs", List.of(), List.of(new IndexSpec(List.of("v"), false)));
        try (ArrowReader rows = KeyedRows.batches(allocator, List.of(row(1L, "a")))) {
            appended.append(rows, ConflictAction.DROP);
        }
        assertEquals(List.of("logs__idx_v INDEX"), indexes("logs"));
        appended.detach();
        assertEquals(List.of(), indexes("logs"));
    }

    @Test
    void aViolatedUniqueIndexFailsClearlyAndOldRowsServe() throws Exception {
        AcceleratedTable t = attach("people", List.of(), List.of(new IndexSpec(List.of("v"), true)));
        try (ArrowReader rows = KeyedRows.batches(allocator, List.of(row(1L, "a"), row(2L, "b")))) {
            t.replace(rows);
        }
        try (ArrowReader rows = KeyedRows.batches(allocator, List.of(row(1L, "a"), row(2L, "a")))) {
            AccelerationException e = assertThrows(AccelerationException.class, () -> t.replace(rows));
            assertTrue(e.getMessage().contains("people__idx_v") && e.getMessage().contains("unique"), e.getMessage());
        }
        assertEquals(List.of(1L, 2L), ids("people"));
        assertEquals(List.of("people__idx_v UNIQUE INDEX"), indexes("people"));

        try (ArrowReader rows = KeyedRows.batches(allocator, List.of(row(3L, "c"), row(4L, "b")))) {
            AccelerationException e = assertThrows(AccelerationException.class, () -> t.append(rows, ConflictAction.DROP));
            assertTrue(e.getMessage().contains("people") && e.getMessage().toLowerCase().contains("unique"), e.getMessage());
        }
        assertEquals(List.of(1L, 2L), ids("people"));
        try (ArrowReader rows = KeyedRows.batches(allocator, List.of(row(3L, "c")))) {
            assertEquals(3, t.append(rows, ConflictAction.DROP));
        }
    }
}

package io.paprika.kernel.flight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PreparedHandleTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void aHandleWithoutParametersCarriesItsSql() {
        String sql = "SELECT * FROM trips WHERE note = 'café' AND id = ?";
        PreparedHandle decoded = PreparedHandle.decode(PreparedHandle.of(sql).encode());
        assertEquals(sql, decoded.sql());
        assertEquals(List.of(), decoded.parameters(allocator));
    }

    @Test
    void bindingAnswersWithAHandleThatCarriesTheRowAndItsTypes() {
        PreparedHandle bound;
        try (BigIntVector id = new BigIntVector("id", allocator);
                VarCharVector name = new VarCharVector("name", allocator)) {
            id.allocateNew(1);
            id.set(0, 42L);
            name.allocateNew(1);
            name.setNull(0);
            try (VectorSchemaRoot row = VectorSchemaRoot.of(id, name)) {
                row.setRowCount(1);
                bound = PreparedHandle.of("SELECT ?, ?").bind(row);
            }
        }
        PreparedHandle decoded = PreparedHandle.decode(bound.encode());
        assertEquals("SELECT ?, ?", decoded.sql());
        assertEquals(Arrays.asList(42L, null), decoded.parameters(allocator));
        assertEquals(bound, decoded);
    }

    @Test
    void rebindingReplacesTheEarlierRow() {
        PreparedHandle first = bindOne(PreparedHandle.of("SELECT ?"), 1L);
        PreparedHandle second = bindOne(first, 2L);
        assertEquals(List.of(2L), PreparedHandle.decode(second.encode()).parameters(allocator));
    }

    @Test
    void bytesThatAreNotAHandleAreAnInvalidArgumentNamingWhatToDo() {
        byte[] valid = PreparedHandle.of("SELECT 1").encode();
        for (byte[] bad : List.of("a uuid from another server".getBytes(StandardCharsets.UTF_8), new byte[0],
                Arrays.copyOf(valid, valid.length - 3))) {
            FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> PreparedHandle.decode(bad));
            assertEquals(CallStatus.INVALID_ARGUMENT.code(), e.status().code());
            assertEquals("not a prepared statement handle of this runtime; prepare the statement again",
                    e.status().description());
        }
    }

    @Test
    void encodingIsStableSoEveryReplicaReadsTheSameHandle() {
        assertArrayEquals(PreparedHandle.of("SELECT 1").encode(), PreparedHandle.of("SELECT 1").encode());
    }

    private PreparedHandle bindOne(PreparedHandle handle, long value) {
        try (BigIntVector v = new BigIntVector("p", allocator)) {
            v.allocateNew(1);
            v.set(0, value);
            try (VectorSchemaRoot row = VectorSchemaRoot.of(v)) {
                row.setRowCount(1);
                return handle.bind(row);
            }
        }
    }
}

package io.paprika.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paprika.spi.testing.TestRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

class ArrowStreamTest {

    @Test
    void closesTheReaderThenResourcesInReverseOrderAndReportsTheFirstFailure() throws Exception {
        List<String> closed = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator()) {
            ArrowReader reader = TestRows.rows(allocator, 0, 3, 2);
            ArrowStream stream = new ArrowStream(reader, () -> closed.add("connection"), () -> {
                closed.add("statement");
                throw new IllegalStateException("statement failed to close");
            }, () -> closed.add("result"));
            IllegalStateException e = assertThrows(IllegalStateException.class, stream::close);
            assertEquals("statement failed to close", e.getMessage());
            assertEquals(List.of("result", "statement", "connection"), closed);
            assertEquals(0, allocator.getAllocatedMemory(), "the reader's buffers were released");
        }
    }

    @Test
    void sourceLocationIsWhatFollowsTheScheme() {
        assertEquals("data/x.csv", new SourceSpec("d", "file:data/x.csv", Map.of(), Path.of(".")).location());
        assertEquals("//host/a.csv", new SourceSpec("d", "https://host/a.csv", Map.of(), Path.of(".")).location());
    }
}

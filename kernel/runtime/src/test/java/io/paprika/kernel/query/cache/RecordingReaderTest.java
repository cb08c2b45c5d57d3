package io.paprika.kernel.query.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingReaderTest {
    private final BufferAllocator allocator = new RootAllocator();
    private final AtomicReference<byte[]> recorded = new AtomicReference<>();

    @AfterEach
    void noLeaks() {
        allocator.close();
    }

    @Test
    void recordsWhatTheClientReads() throws Exception {
        try (ArrowReader engine = Batches.reader(allocator, 3, 0, 4);
                RecordingReader r = new RecordingReader(engine, 1 << 20, recorded::set)) {
            List<Long> client = Batches.drain(r);
            assertEquals(LongStream.range(0, 7).boxed().toList(), client);
            assertEquals(client, Batches.rows(recorded.get(), allocator));
        }
    }

    @Test
    void emptyResultKeepsItsSchema() throws Exception {
        try (ArrowReader engine = Batches.reader(allocator);
                RecordingReader r = new RecordingReader(engine, 1 << 20, recorded::set)) {
            assertEquals(List.of(), Batches.drain(r));
            assertEquals(List.of(), Batches.rows(recorded.get(), allocator));
        }
    }

    @Test
    void oversizeResultReachesTheClientButIsNotRecorded() throws Exception {
        try (ArrowReader engine = Batches.reader(allocator, 1000, 1000, 1000);
                RecordingReader r = new RecordingReader(engine, 4096, recorded::set)) {
            assertEquals(LongStream.range(0, 3000).boxed().toList(), Batches.drain(r));
            assertNull(recorded.get());
            assertFalse(r.recording());
        }
    }

    @Test
    void resultNotReadToTheEndIsNotRecorded() throws Exception {
        try (ArrowReader engine = Batches.reader(allocator, 2, 2);
                RecordingReader r = new RecordingReader(engine, 1 << 20, recorded::set)) {
            r.loadNextBatch();
        }
        assertNull(recorded.get());
    }
}

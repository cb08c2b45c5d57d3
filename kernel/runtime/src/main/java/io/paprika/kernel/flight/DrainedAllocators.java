package io.paprika.kernel.flight;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a query's allocator once gRPC has let go of what it still holds. Batches are sent
 * without a copy, so after a call completes gRPC may still be writing the last few, and through
 * them keep small parts of the query's memory alive (DuckDB's exported array structs); closing
 * the allocator before that would report them as leaked.
 */
final class DrainedAllocators implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DrainedAllocators.class);
    private static final long CHECK_MILLIS = 20;
    /** A client that reads nothing for this long has its call ended anyway (see StreamSender). */
    private static final long GIVE_UP_MILLIS = TimeUnit.MINUTES.toMillis(11);

    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "paprika-flight-release");
        t.setDaemon(true);
        return t;
    });

    /** Closes it now if nothing is held, else as soon as it is (or, at the latest, after a stall). */
    void closeWhenDrained(BufferAllocator allocator) {
        check(allocator, System.currentTimeMillis() + GIVE_UP_MILLIS);
    }

    private void check(BufferAllocator allocator, long deadline) {
        if (allocator.getAllocatedMemory() == 0 || System.currentTimeMillis() > deadline || checks.isShutdown()) {
            close(allocator);
            return;
        }
        try {
            checks.schedule(() -> check(allocator, deadline), CHECK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // the service is closing
            close(allocator);
        }
    }

    /** Past the deadline, or when the service closes, what is still held is reported as a leak. */
    private static void close(BufferAllocator allocator) {
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            LOG.warn("a Flight query's memory was not all released: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        checks.shutdown();
    }
}

package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What every group of figures shares in one run: the options, the distribution copy, the data and
 * its HTTP server, the in-process DuckDB baseline and the client's allocator.
 */
record Env(Options options, Distribution dist, DataFiles data, FileServer server, InProcess local,
        BufferAllocator allocator) {
    /** How long a runtime may take to load a dataset before the run is abandoned. */
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(20);

    Env {
        requireNonNull(options, "options");
        requireNonNull(dist, "dist");
        requireNonNull(data, "data");
        requireNonNull(server, "server");
        requireNonNull(local, "local");
        requireNonNull(allocator, "allocator");
    }

    /** Progress goes to stderr so stdout holds only the table. */
    static void say(String message) {
        System.err.println("[bench] " + message);
    }
}

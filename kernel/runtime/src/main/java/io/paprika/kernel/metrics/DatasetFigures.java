package io.paprika.kernel.metrics;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.dataset.Dataset;
import java.time.Instant;
import java.util.Optional;

/**
 * What the dataset gauges show of one dataset, read at once.
 *
 * @param engine      the acceleration engine, or {@code none} when queries read the source
 * @param stateCode   Spice's state number (0 initializing, 1 ready, 2 disabled, 3 error, 4 refreshing), or -1 for none
 * @param accelerated false when queries read the source: no rows, size or refresh time to show
 */
record DatasetFigures(String name, String engine, int stateCode, boolean servable, boolean accelerated,
        Optional<Instant> lastRefresh, long rows, long sizeBytes) {

    DatasetFigures {
        requireNonNull(name, "name");
        requireNonNull(engine, "engine");
        requireNonNull(lastRefresh, "lastRefresh");
    }

    static DatasetFigures of(Dataset d) {
        boolean accelerated = !d.sourceOnly();
        return new DatasetFigures(d.name(), accelerated ? d.engine() : "none", stateCode(d), d.servable(), accelerated,
                d.lastRefresh(), d.rowCount(), d.sizeBytes());
    }

    /** Spice's numbering of dataset states; -1 (no sample) while shutting down. */
    private static int stateCode(Dataset d) {
        return switch (d.status()) {
            case INITIALIZING -> 0;
            case READY -> 1;
            case DISABLED -> 2;
            case ERROR -> 3;
            case REFRESHING -> 4;
            case SHUTTING_DOWN -> -1;
        };
    }
}

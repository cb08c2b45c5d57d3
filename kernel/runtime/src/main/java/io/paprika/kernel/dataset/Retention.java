package io.paprika.kernel.dataset;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code retention_check_enabled}: every {@code retention_check_interval}, deletes the rows whose
 * {@code time_column} is older than {@code retention_period}.
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    private final Clock clock;

    Retention(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** One check; returns the rows deleted (0 when the dataset holds no table yet). */
    long check(Dataset d) {
        Optional<AcceleratedTable> table = d.currentTable();
        if (table.isEmpty()) {
            return 0;
        }
        String filter = AppendFilters.expired(d.spec(), clock.instant());
        try {
            long deleted = table.get().delete(filter);
            d.rowsNow(table.get().rowCount());
            if (deleted > 0) {
                LOG.info("Retention removed {} rows older than {} from dataset {}", deleted,
                        d.spec().acceleration().retentionPeriod().orElseThrow(), d.name());
            }
            return deleted;
        } catch (AccelerationException | RuntimeException e) {
            LOG.warn("dataset `{}`: retention check failed: {}", d.name(), e.getMessage());
            return 0;
        }
    }
}

package io.paprika.kernel.dataset;

import io.paprika.kernel.config.AccelerationSpec;
import io.paprika.kernel.config.DatasetSpec;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.ConflictAction;
import io.paprika.spi.IndexSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The row filters an acceleration adds to a scan, from its spicepod keys: the append checkpoint
 * ({@code time_column > max - refresh_append_overlap}) and the data window
 * ({@code time_column > now - refresh_data_window}); plus the conflict action and indexes.
 */
final class AppendFilters {
    private AppendFilters() {
    }

    static Optional<String> checkpoint(DatasetSpec spec, AcceleratedTable table) throws AccelerationException {
        String column = spec.timeColumn().orElseThrow();
        Optional<Object> max = table.max(column);
        if (max.isEmpty()) {
            return Optional.empty();
        }
        Duration overlap = spec.acceleration().refreshAppendOverlap().orElse(Duration.ZERO);
        return Optional.of(quote(column) + " > " + TimeLiterals.minus(max.get(), overlap, spec.timeFormat(), column));
    }

    static Optional<String> window(DatasetSpec spec, Instant now) {
        Optional<Duration> window = spec.acceleration().refreshDataWindow();
        if (window.isEmpty() || spec.timeColumn().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(quote(spec.timeColumn().get()) + " > "
                + TimeLiterals.of(now.minus(window.get()), spec.timeFormat()));
    }

    /** Rows older than the retention period, as a filter for the engine's delete. */
    static String expired(DatasetSpec spec, Instant now) {
        return quote(spec.timeColumn().orElseThrow()) + " < "
                + TimeLiterals.of(now.minus(spec.acceleration().retentionPeriod().orElseThrow()), spec.timeFormat());
    }

    /** After a load: a time_format that does not fit what time_column holds is an error now, not later. */
    static void checkTimeFormat(DatasetSpec spec, AcceleratedTable table) throws AccelerationException {
        if (spec.timeColumn().isPresent() && spec.timeFormat().isPresent()) {
            Optional<Object> max = table.max(spec.timeColumn().get());
            if (max.isPresent()) {
                TimeLiterals.minus(max.get(), Duration.ZERO, spec.timeFormat(), spec.timeColumn().get());
            }
        }
    }

    @SafeVarargs
    static Optional<String> combine(Optional<String>... filters) {
        List<String> parts = Stream.of(filters).flatMap(Optional::stream).map(f -> "(" + f + ")").toList();
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", parts));
    }

    /** {@code on_conflict}: upsert if asked for, else keep the existing row. */
    static ConflictAction conflictAction(AccelerationSpec a) {
        return a.onConflict().containsValue("upsert") ? ConflictAction.UPSERT : ConflictAction.DROP;
    }

    /** {@code indexes: {col: enabled, "(a, b)": unique}}. */
    static List<IndexSpec> indexes(AccelerationSpec a) {
        List<IndexSpec> out = new ArrayList<>();
        for (Map.Entry<String, String> e : a.indexes().entrySet()) {
            String cols = e.getKey().strip();
            if (cols.startsWith("(") && cols.endsWith(")")) {
                cols = cols.substring(1, cols.length() - 1);
            }
            out.add(new IndexSpec(Stream.of(cols.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                    .collect(Collectors.toList()), "unique".equals(e.getValue())));
        }
        return out;
    }

    static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }
}

package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A dataset's {@code acceleration} block, with Spice's defaults filled in. */
public record AccelerationSpec(
        boolean enabled,
        String engine,
        String mode,
        String refreshMode,
        Optional<RefreshSql> refreshSql,
        Optional<Duration> refreshCheckInterval,
        Optional<Duration> refreshDataWindow,
        Optional<Duration> refreshAppendOverlap,
        boolean refreshRetryEnabled,
        Optional<Integer> refreshRetryMaxAttempts,
        boolean refreshJitterEnabled,
        Optional<Duration> refreshJitterMax,
        List<String> primaryKey,
        Map<String, String> onConflict,
        Map<String, String> indexes,
        boolean retentionCheckEnabled,
        Optional<Duration> retentionPeriod,
        Optional<Duration> retentionCheckInterval,
        ParamValues params,
        Set<String> keysGiven) {

    /** Spice's default engine name; served by accel-memory. */
    public static final String DEFAULT_ENGINE = "arrow";

    public AccelerationSpec {
        requireNonNull(engine, "engine");
        requireNonNull(mode, "mode");
        requireNonNull(refreshMode, "refreshMode");
        requireNonNull(refreshSql, "refreshSql");
        requireNonNull(refreshCheckInterval, "refreshCheckInterval");
        requireNonNull(refreshDataWindow, "refreshDataWindow");
        requireNonNull(refreshAppendOverlap, "refreshAppendOverlap");
        requireNonNull(refreshRetryMaxAttempts, "refreshRetryMaxAttempts");
        requireNonNull(refreshJitterMax, "refreshJitterMax");
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
        onConflict = Map.copyOf(requireNonNull(onConflict, "onConflict"));
        indexes = Map.copyOf(requireNonNull(indexes, "indexes"));
        requireNonNull(retentionPeriod, "retentionPeriod");
        requireNonNull(retentionCheckInterval, "retentionCheckInterval");
        requireNonNull(params, "params");
        keysGiven = Set.copyOf(requireNonNull(keysGiven, "keysGiven"));
    }

    /** What a dataset without an {@code acceleration} block gets. */
    public static AccelerationSpec defaults(boolean enabled) {
        return new AccelerationSpec(enabled, DEFAULT_ENGINE, "memory", "full", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), true, Optional.empty(), false, Optional.empty(), List.of(),
                Map.of(), Map.of(), false, Optional.empty(), Optional.empty(), ParamValues.EMPTY, Set.of());
    }
}

package io.paprika.kernel.dataset;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.config.RefreshSql;
import java.util.Optional;

/** What the refresh API may change for one run: the {@code refresh_sql} and the {@code refresh_mode}. */
public record RefreshOverride(Optional<RefreshSql> refreshSql, Optional<String> refreshMode) {

    public static final RefreshOverride NONE = new RefreshOverride(Optional.empty(), Optional.empty());

    public RefreshOverride {
        requireNonNull(refreshSql, "refreshSql");
        requireNonNull(refreshMode, "refreshMode");
    }

    boolean isNone() {
        return refreshSql.isEmpty() && refreshMode.isEmpty();
    }
}

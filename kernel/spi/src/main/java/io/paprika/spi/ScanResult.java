package io.paprika.spi;

import java.util.Optional;

/** The answer to a scan: either the rows, or word that the source has not changed. */
public final class ScanResult {
    private static final ScanResult NOT_MODIFIED = new ScanResult(null);

    private final ArrowStream rows;

    private ScanResult(ArrowStream rows) {
        this.rows = rows;
    }

    public static ScanResult notModified() {
        return NOT_MODIFIED;
    }

    public static ScanResult of(ArrowStream rows) {
        return new ScanResult(java.util.Objects.requireNonNull(rows, "rows"));
    }

    /** The rows, or empty when the source reported it has not changed. */
    public Optional<ArrowStream> rows() {
        return Optional.ofNullable(rows);
    }
}

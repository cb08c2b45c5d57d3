package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One measured figure of the benchmark, with the in-process baseline it is judged against (when it
 * has one) and the target. {@code met} is null where the issue sets no target.
 *
 * @param id         stable key in the JSON file
 * @param title      what the table shows in its first column
 * @param measured   the runtime's figure (a median unless the title says otherwise)
 * @param unit       unit of {@code measured} and {@code baseline}
 * @param baseline   DuckDB in-process on the same data in the same run, or null
 * @param comparison measured against baseline as the target states it, e.g. "0.81x" or "+0.6 ms", or ""
 * @param target     the target in words, or "reported"
 * @param met        whether the target was met, or null when there is none
 * @param details    supporting numbers (rows counted, errors, sizes, every run)
 */
public record Figure(String id, String title, double measured, String unit, Double baseline, String comparison,
        String target, Boolean met, Map<String, Object> details) {

    public Figure {
        requireNonNull(id, "id");
        requireNonNull(title, "title");
        requireNonNull(unit, "unit");
        requireNonNull(comparison, "comparison");
        requireNonNull(target, "target");
        details = Map.copyOf(requireNonNull(details, "details"));
    }

    /** A figure the issue only asks to report. */
    static Figure reported(String id, String title, double measured, String unit, Map<String, Object> details) {
        return new Figure(id, title, measured, unit, null, "", "reported", null, details);
    }
}

package io.paprika.kernel.http;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ?format=csv} for the listing endpoints: one row per item, the header the union of keys. */
final class CsvRows {
    private CsvRows() {
    }

    /** Answers with CSV when the request asks for it, else JSON. */
    static void answer(Context ctx, List<Map<String, Object>> rows) {
        if ("csv".equalsIgnoreCase(ctx.queryParam("format"))) {
            ctx.contentType("text/csv").result(render(rows));
        } else {
            ctx.json(rows);
        }
    }

    static String render(List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        StringBuilder out = new StringBuilder(String.join(",", columns.stream().map(CsvRows::field).toList()))
                .append('\n');
        for (Map<String, Object> row : rows) {
            out.append(String.join(",", columns.stream().map(c -> row.get(c) == null ? "" : field(row.get(c))).toList()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String field(Object value) {
        String s = String.valueOf(value);
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}

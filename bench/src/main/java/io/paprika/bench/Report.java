package io.paprika.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results: one aligned text table for people and one JSON file for tools. */
final class Report {
    private static final List<String> HEADER = List.of("figure", "measured", "baseline (in-process)",
            "vs baseline", "target", "met?");

    private Report() {
    }

    static void printTable(List<Figure> figures, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Figure f : figures) {
            rows.add(List.of(f.title(), number(f.measured(), f.unit()),
                    f.baseline() == null ? "-" : number(f.baseline(), f.unit()), f.comparison().isEmpty() ? "-"
                            : f.comparison(), f.target(), f.met() == null ? "-" : f.met() ? "yes" : "NO"));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        for (int n = 0; n < rows.size(); n++) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < widths.length; i++) {
                line.append(' ').append(pad(rows.get(n).get(i), widths[i])).append(" |");
            }
            out.println(line);
            if (n == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int w : widths) {
                    rule.append('-').append("-".repeat(w)).append("-|");
                }
                out.println(rule);
            }
        }
    }

    /** Big figures with thousands separators, small ones with two decimals. */
    static String number(double v, String unit) {
        String n = Math.abs(v) >= 1000 ? "%,.0f".formatted(v) : "%.2f".formatted(v);
        return n + " " + unit;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    static void writeJson(Path file, Map<String, Object> options, List<Figure> figures) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("generated_at", java.time.Instant.now().toString());
        doc.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")));
        doc.put("options", options);
        doc.put("figures", figures);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
    }
}

package io.paprika.kernel.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code text/plain}: a bordered table. Widths are fitted to each batch so the table streams; a
 * result of one batch (the usual case for small queries) is one neat table.
 */
final class TextTableWriter extends ResultWriter {
    private List<String> columns;
    private boolean any;

    @Override
    String contentType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    void begin(List<String> columns, OutputStream out) {
        this.columns = columns;
    }

    @Override
    void batch(VectorSchemaRoot root, OutputStream out) throws IOException {
        if (root.getRowCount() == 0) {
            return;
        }
        List<FieldVector> vectors = root.getFieldVectors();
        List<String[]> cells = new ArrayList<>();
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
        }
        for (int row = 0; row < root.getRowCount(); row++) {
            String[] line = new String[width.length];
            for (int c = 0; c < width.length; c++) {
                Object v = ArrowValues.get(vectors.get(c), row);
                line[c] = v == null ? "" : v.toString();
                width[c] = Math.max(width[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        String rule = rule(width);
        sb.append(rule).append(row(columns.toArray(String[]::new), width)).append(rule);
        cells.forEach(line -> sb.append(row(line, width)));
        sb.append(rule);
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        any = true;
    }

    @Override
    void end(OutputStream out) throws IOException {
        if (!any) {
            int[] width = columns.stream().mapToInt(String::length).toArray();
            String rule = rule(width);
            out.write((rule + row(columns.toArray(String[]::new), width) + rule).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String rule(int[] width) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : width) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.append('\n').toString();
    }

    private static String row(String[] values, int[] width) {
        StringBuilder sb = new StringBuilder("|");
        for (int c = 0; c < width.length; c++) {
            sb.append(' ').append(values[c]).append(" ".repeat(width[c] - values[c].length())).append(" |");
        }
        return sb.append('\n').toString();
    }
}

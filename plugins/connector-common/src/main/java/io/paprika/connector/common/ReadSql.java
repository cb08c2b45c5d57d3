package io.paprika.connector.common;

import io.paprika.spi.ScanRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the DuckDB query that reads one local file: {@code SELECT cols FROM read_x(...) WHERE filter}. */
public final class ReadSql {
    private ReadSql() {
    }

    /**
     * @param file   a local file, already decompressed when the format cannot read gzip itself
     * @param gzip   whether {@code file} is gzip-compressed (so DuckDB is told, whatever its name)
     */
    public static String select(Path file, FileFormat format, FormatOptions options, boolean gzip,
            ScanRequest request) {
        String columns = request.columns().isEmpty()
                ? "*"
                : request.columns().stream().map(SqlText::identifier).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ")
                .append(reader(file, format, options, gzip));
        // Parentheses keep an OR in the filter from escaping the WHERE clause's intent.
        request.filter().filter(f -> !f.isBlank()).ifPresent(f -> sql.append(" WHERE (").append(f).append(')'));
        return sql.toString();
    }

    static String reader(Path file, FileFormat format, FormatOptions options, boolean gzip) {
        List<String> args = new ArrayList<>();
        args.add(SqlText.literal(file.toAbsolutePath().toString()));
        String compression = "compression = " + SqlText.literal(gzip ? "gzip" : "none");
        switch (format) {
            case CSV:
                args.add("header = " + options.hasHeader());
                options.delimiter().ifPresent(d -> args.add("delim = " + SqlText.literal(d)));
                options.quote().ifPresent(q -> args.add("quote = " + SqlText.literal(q)));
                options.escape().ifPresent(e -> args.add("escape = " + SqlText.literal(e)));
                args.add(compression);
                return "read_csv(" + String.join(", ", args) + ")";
            case JSON:
                args.add("format = 'auto'");
                args.add(compression);
                return "read_json(" + String.join(", ", args) + ")";
            case NDJSON:
                args.add("format = 'newline_delimited'");
                args.add(compression);
                return "read_json(" + String.join(", ", args) + ")";
            case PARQUET:
                // Parquet compresses inside the file; a gzipped one is unpacked by the caller first.
                return "read_parquet(" + String.join(", ", args) + ")";
            default:
                throw new IllegalArgumentException("unknown format " + format);
        }
    }
}

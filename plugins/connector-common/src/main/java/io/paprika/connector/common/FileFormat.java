package io.paprika.connector.common;

import java.util.Locale;
import java.util.Optional;

/** The file formats the connectors decode, and how each is recognised by name, extension or MIME type. */
public enum FileFormat {
    CSV,
    /** A JSON array of objects (DuckDB also accepts newline-delimited objects here). */
    JSON,
    /** One JSON object per line. */
    NDJSON,
    PARQUET;

    /** The value of the {@code file_format} param: csv, json, ndjson/jsonl, parquet. */
    public static Optional<FileFormat> fromName(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "csv":
            case "tsv":
                return Optional.of(CSV);
            case "json":
                return Optional.of(JSON);
            case "ndjson":
            case "jsonl":
            case "jsonlines":
                return Optional.of(NDJSON);
            case "parquet":
                return Optional.of(PARQUET);
            default:
                return Optional.empty();
        }
    }

    /**
     * The format named by the last extension of a path or URL path, ignoring a trailing
     * compression extension ({@code data.csv.gz} is CSV).
     */
    public static Optional<FileFormat> fromFileName(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        name = name.substring(slash + 1);
        for (String compressed : new String[] {".gz", ".gzip"}) {
            if (name.endsWith(compressed)) {
                name = name.substring(0, name.length() - compressed.length());
            }
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1);
        return ext.equals("pq") ? Optional.of(PARQUET) : fromName(ext);
    }

    /** The format an HTTP Content-Type names; generic types (text/plain, octet-stream) name none. */
    public static Optional<FileFormat> fromContentType(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "text/csv":
            case "application/csv":
            case "text/tab-separated-values":
                return Optional.of(CSV);
            case "application/json":
            case "text/json":
                return Optional.of(JSON);
            case "application/x-ndjson":
            case "application/ndjson":
            case "application/jsonl":
            case "application/x-jsonlines":
            case "application/jsonlines":
                return Optional.of(NDJSON);
            case "application/vnd.apache.parquet":
            case "application/x-parquet":
            case "application/parquet":
                return Optional.of(PARQUET);
            default:
                return Optional.empty();
        }
    }
}

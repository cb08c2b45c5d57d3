package io.paprika.connector.common;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Picks a file's format: the {@code file_format} param, else the extension, else the HTTP
 * Content-Type, else the first bytes of the (decompressed) content.
 */
public final class FormatDetector {
    private static final int SNIFF_BYTES = 512;

    private FormatDetector() {
    }

    /**
     * @param options     the dataset's format options
     * @param name        the file path or URL path, for its extension
     * @param contentType an HTTP Content-Type, when there is one
     * @param file        the content, for sniffing
     */
    public static FileFormat detect(FormatOptions options, String name, Optional<String> contentType, Path file)
            throws IOException {
        if (options.format().isPresent()) {
            return options.format().get();
        }
        Optional<FileFormat> byName = FileFormat.fromFileName(name);
        if (byName.isPresent()) {
            return byName.get();
        }
        Optional<FileFormat> byType = contentType.flatMap(FileFormat::fromContentType);
        if (byType.isPresent()) {
            return byType.get();
        }
        return sniff(file);
    }

    /** True when the file starts with the gzip magic bytes 1f 8b. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        }
    }

    /** Parquet by its PAR1 magic, JSON by a leading {@code [}, NDJSON by a leading brace, else CSV. */
    public static FileFormat sniff(Path file) throws IOException {
        boolean gzip = isGzip(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            return sniff(readUpTo(in, SNIFF_BYTES));
        }
    }

    static FileFormat sniff(byte[] head) {
        if (head.length >= 4 && Arrays.equals(Arrays.copyOf(head, 4), "PAR1".getBytes(StandardCharsets.US_ASCII))) {
            return FileFormat.PARQUET;
        }
        int i = 0;
        // Skip a UTF-8 byte order mark and leading whitespace.
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < head.length && head[i] == '[') {
            return FileFormat.JSON;
        }
        if (i < head.length && head[i] == '{') {
            return FileFormat.NDJSON;
        }
        return FileFormat.CSV;
    }

    private static byte[] readUpTo(InputStream in, int max) throws IOException {
        try {
            return in.readNBytes(max);
        } catch (java.io.EOFException e) {
            // A truncated gzip stream still tells us nothing better than CSV; DuckDB will report it.
            return new byte[0];
        }
    }
}

package io.paprika.connector.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {
    @TempDir
    Path dir;

    @Test
    void paramWinsOverExtensionAndContentType() throws Exception {
        Path f = write("x.csv", "[{\"a\":1}]");
        FormatOptions opts = FormatOptions.parse("d", Map.of("file_format", "ndjson"));
        assertEquals(FileFormat.NDJSON, FormatDetector.detect(opts, "x.csv", Optional.of("text/csv"), f));
    }

    @Test
    void extensionWinsOverContentType() throws Exception {
        Path f = write("x", "a,b\n1,2\n");
        assertEquals(FileFormat.PARQUET,
                FormatDetector.detect(FormatOptions.defaults(), "/data/x.parquet", Optional.of("text/csv"), f));
        assertEquals(FileFormat.CSV,
                FormatDetector.detect(FormatOptions.defaults(), "/data/x.CSV.gz", Optional.empty(), f));
        assertEquals(FileFormat.NDJSON,
                FormatDetector.detect(FormatOptions.defaults(), "logs.jsonl", Optional.empty(), f));
        assertEquals(FileFormat.JSON,
                FormatDetector.detect(FormatOptions.defaults(), "a.json.gzip", Optional.empty(), f));
    }

    @Test
    void contentTypeWinsOverSniffing() throws Exception {
        Path f = write("x", "a,b\n1,2\n");
        assertEquals(FileFormat.NDJSON, FormatDetector.detect(FormatOptions.defaults(), "/api/items",
                Optional.of("application/x-ndjson; charset=utf-8"), f));
        assertEquals(FileFormat.JSON, FormatDetector.detect(FormatOptions.defaults(), "/api/items",
                Optional.of("application/json"), f));
        // A generic type says nothing; the content decides.
        assertEquals(FileFormat.CSV, FormatDetector.detect(FormatOptions.defaults(), "/api/items",
                Optional.of("text/plain"), f));
    }

    @Test
    void sniffsContent() throws Exception {
        assertEquals(FileFormat.PARQUET, FormatDetector.sniff("PAR1xxxx".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(FileFormat.JSON, FormatDetector.sniff("\ufeff \n [ {}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(FileFormat.NDJSON, FormatDetector.sniff("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(FileFormat.CSV, FormatDetector.sniff("a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(FileFormat.CSV, FormatDetector.sniff(new byte[0]));
    }

    @Test
    void sniffsThroughGzip() throws Exception {
        Path f = dir.resolve("blob");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("[{\"a\": 1}]".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(FormatDetector.isGzip(f));
        assertEquals(FileFormat.JSON, FormatDetector.detect(FormatOptions.defaults(), "blob", Optional.empty(), f));
        assertFalse(FormatDetector.isGzip(write("plain", "a\n1\n")));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}

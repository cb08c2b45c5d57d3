package io.paprika.connector.file;

import io.paprika.spi.testing.ScanRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.ConnectorException;
import io.paprika.spi.ParamSpec;
import io.paprika.spi.ScanRequest;
import io.paprika.spi.SourceSpec;
import io.paprika.spi.SourceTable;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConnectorTest {
    private static final String CSV = "id,name\n1,apple\n2,pear\n3,plum\n";

    @TempDir
    Path pod;
    RootAllocator allocator;
    final FileConnector connector = new FileConnector();

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void noLeaks() {
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory still allocated after streams were closed");
        allocator.close();
    }

    @Test
    void relativePathIsResolvedAgainstSpicepodFolder() throws Exception {
        Files.createDirectories(pod.resolve("data"));
        Files.writeString(pod.resolve("data/products.csv"), CSV);
        List<Map<String, String>> rows = scan("file:data/products.csv", Map.of());
        assertEquals(3, rows.size());
        assertEquals("plum", rows.get(2).get("name"));
    }

    @Test
    void absolutePathAndFileUrl() throws Exception {
        Path f = Files.writeString(pod.resolve("my data.ndjson"), "{\"a\":1}\n{\"a\":2}\n");
        assertEquals(2, scan("file:" + f.toAbsolutePath(), Map.of()).size());
        assertEquals(2, scan(f.toUri().toString(), Map.of()).size());
        assertTrue(f.toUri().toString().startsWith("file:///"), f.toUri().toString());
    }

    @Test
    void formatsParamsAndGzip() throws Exception {
        Files.writeString(pod.resolve("semi.txt"), "1|a\n2|b\n");
        List<Map<String, String>> rows = scan("file:semi.txt",
                Map.of("file_format", "csv", "csv_has_header", "false", "csv_delimiter", "|"));
        assertEquals("b", rows.get(1).get("column1"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(pod.resolve("p.csv.gz")))) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(3, scan("file:p.csv.gz", Map.of()).size());
        Files.writeString(pod.resolve("items.json"), "[{\"id\":1},{\"id\":2}]");
        assertEquals(2, scan("file:items.json", Map.of()).size());
    }

    @Test
    void missingFileNamesDatasetAndPath() throws Exception {
        ConnectorException e = assertThrows(ConnectorException.class, () -> scan("file:data/nope.csv", Map.of()));
        assertFalse(e.retryable());
        String message = e.getMessage();
        assertTrue(message.startsWith("dataset `products`: file not found: " + pod.resolve("data/nope.csv")),
                message);
        assertTrue(message.contains("from `file:data/nope.csv`"), message);
    }

    @Test
    void otherHostsAreRejected() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> connector.open(spec("file://fileserver/share/x.csv", Map.of())));
        assertTrue(e.getMessage().contains("host `fileserver`"), e.getMessage());
    }

    @Test
    void conditionalScanOfUnchangedFileIsNotModified() throws Exception {
        Path f = Files.writeString(pod.resolve("p.csv"), CSV);
        ScanRequest conditional = new ScanRequest(List.of(), Optional.empty(), true);
        try (SourceTable table = connector.open(spec("file:p.csv", Map.of()))) {
            assertEquals(3, ScanRows.drain(table.scan(conditional, allocator)).size());
            assertTrue(table.scan(conditional, allocator).rows().isEmpty());
            Files.writeString(f, CSV + "4,fig\n");
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
            assertEquals(4, ScanRows.drain(table.scan(conditional, allocator)).size());
            // Not conditional: always reads.
            assertEquals(4, ScanRows.drain(table.scan(ScanRequest.all(), allocator)).size());
        }
    }

    @Test
    void columnsAndFilter() throws Exception {
        Files.writeString(pod.resolve("p.csv"), CSV);
        try (SourceTable table = connector.open(spec("file:p.csv", Map.of()))) {
            List<Map<String, String>> rows = ScanRows.drain(table.scan(
                    new ScanRequest(List.of("name"), Optional.of("id <> 2"), false), allocator));
            assertEquals(List.of(Map.of("name", "apple"), Map.of("name", "plum")), rows);
        }
    }

    @Test
    void declaresFormatParams() {
        assertEquals(List.of("file_format", "csv_has_header", "csv_delimiter", "csv_quote", "csv_escape"),
                connector.params().stream().map(ParamSpec::name).collect(Collectors.toList()));
    }

    private List<Map<String, String>> scan(String from, Map<String, String> params) throws Exception {
        try (SourceTable table = connector.open(spec(from, params))) {
            return ScanRows.drain(table.scan(ScanRequest.all(), allocator));
        }
    }

    private SourceSpec spec(String from, Map<String, String> params) {
        return new SourceSpec("products", from, params, pod);
    }
}

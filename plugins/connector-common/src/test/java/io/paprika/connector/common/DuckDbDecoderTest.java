package io.paprika.connector.common;

import io.paprika.spi.testing.ScanRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.ArrowStream;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.LocalFileQuery;
import io.paprika.spi.ScanRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbDecoderTest {
    @TempDir
    Path dir;
    RootAllocator allocator;

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
    void csvWithHeader() throws Exception {
        Path f = write("p.csv", "id,name\n1,apple\n2,\"pear, green\"\n");
        List<Map<String, String>> rows = decode(f, Map.of(), ScanRequest.all());
        assertEquals(2, rows.size());
        assertEquals("1", rows.get(0).get("id"));
        assertEquals("pear, green", rows.get(1).get("name"));
    }

    @Test
    void csvWithoutHeaderAndCustomDelimiterAndQuote() throws Exception {
        Path f = write("p.txt", "1;'a;b'\n2;'c'\n3;'d'\n");
        List<Map<String, String>> rows = decode(f, Map.of("file_format", "csv", "csv_has_header", "false",
                "csv_delimiter", ";", "csv_quote", "'"), ScanRequest.all());
        assertEquals(3, rows.size());
        assertEquals("a;b", rows.get(0).get("column1"));
        assertEquals("3", rows.get(2).get("column0"));
    }

    @Test
    void jsonArray() throws Exception {
        Path f = write("p.json", "[{\"id\": 1, \"tags\": \"x\"}, {\"id\": 2, \"tags\": \"y\"}]");
        List<Map<String, String>> rows = decode(f, Map.of(), ScanRequest.all());
        assertEquals(2, rows.size());
        assertEquals("y", rows.get(1).get("tags"));
    }

    @Test
    void ndjson() throws Exception {
        Path f = write("p.ndjson", "{\"id\": 1, \"v\": 1.5}\n{\"id\": 2, \"v\": 2.5}\n{\"id\": 3, \"v\": null}\n");
        List<Map<String, String>> rows = decode(f, Map.of(), ScanRequest.all());
        assertEquals(3, rows.size());
        assertEquals("2.5", rows.get(1).get("v"));
        assertEquals(null, rows.get(2).get("v"));
    }

    @Test
    void parquet() throws Exception {
        Path f = parquet(dir.resolve("p.parquet"));
        List<Map<String, String>> rows = decode(f, Map.of(), ScanRequest.all());
        assertEquals(100, rows.size());
        assertEquals("name-42", rows.get(42).get("name"));
    }

    @Test
    void gzipEveryFormat() throws Exception {
        assertEquals(2, decode(gzip("a.csv.gz", "id,name\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8)),
                Map.of(), ScanRequest.all()).size());
        assertEquals(2, decode(gzip("a.json.gz", "[{\"id\":1},{\"id\":2}]".getBytes(StandardCharsets.UTF_8)),
                Map.of(), ScanRequest.all()).size());
        assertEquals(3, decode(gzip("a.jsonl.gz", "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n".getBytes(
                StandardCharsets.UTF_8)), Map.of(), ScanRequest.all()).size());
        byte[] pq = Files.readAllBytes(parquet(dir.resolve("src.parquet")));
        assertEquals(100, decode(gzip("a.parquet.gz", pq), Map.of(), ScanRequest.all()).size());
        // No telling name at all: gzip magic, then sniffed content.
        assertEquals(100, decode(gzip("blob", pq), Map.of(), ScanRequest.all()).size());
    }

    @Test
    void columnsAndFilterArePushedDown() throws Exception {
        Path f = parquet(dir.resolve("p.parquet"));
        List<Map<String, String>> rows = decode(f, Map.of(),
                new ScanRequest(List.of("name", "id"), Optional.of("id >= 90 AND name <> 'name-95'"), false));
        assertEquals(9, rows.size());
        assertEquals(List.of("name", "id"), List.copyOf(rows.get(0).keySet()));
        assertFalse(rows.stream().anyMatch(r -> r.get("id").equals("95")));
    }

    @Test
    void quotedColumnNames() throws Exception {
        Path f = write("q.csv", "\"my \"\"odd\"\" col\",other\n1,2\n");
        List<Map<String, String>> rows = decode(f, Map.of(),
                new ScanRequest(List.of("my \"odd\" col"), Optional.empty(), false));
        assertEquals(Map.of("my \"odd\" col", "1"), rows.get(0));
    }

    @Test
    void badContentNamesDatasetSourceAndDuckDbMessage() throws Exception {
        Path f = write("bad.json", "[{\"id\": 1}, {\"id\": ");
        ConnectorException e = assertThrows(ConnectorException.class, () -> DuckDbDecoder.decode("orders",
                "https://example.com/bad.json", f, f.toString(), Optional.empty(), FormatOptions.defaults(),
                ScanRequest.all(), allocator));
        assertTrue(e.getMessage().startsWith("dataset `orders`: cannot read https://example.com/bad.json: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Malformed JSON in file \"https://example.com/bad.json\""),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains(f.toString()), "temporary path leaked: " + e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void raggedCsvErrorNamesTheLine() throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append(i).append(",x\n");
        }
        Path f = write("ragged.csv", csv.append("1,2,3\n").toString());
        // Found while reading, past the prepare: an IOException caused by the connector's error.
        IOException read = assertThrows(IOException.class, () -> decode(f, Map.of(), ScanRequest.all()));
        ConnectorException e = assertInstanceOf(ConnectorException.class, read.getCause());
        assertEquals(e.getMessage(), read.getMessage());
        assertTrue(e.getMessage().startsWith("dataset `d`: cannot read " + f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("CSV Error on Line: 30002; Original Line: 1,2,3"), e.getMessage());
        assertFalse(e.getMessage().contains("LINE 1: SELECT"), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void offersTheReadAsAFileQueryThatYieldsTheSameRows() throws Exception {
        Path f = write("p.csv", "id,name\n1,apple\n2,pear\n3,fig\n");
        ScanRequest request = new ScanRequest(List.of("name"), Optional.of("id >= 2"), false);
        try (ArrowStream stream = DuckDbDecoder.decode("d", "https://example.com/p.csv", f, "p.csv",
                Optional.empty(), FormatOptions.defaults(), request, allocator)) {
            LocalFileQuery query = stream.fileQuery().orElseThrow();
            List<String> names = new ArrayList<>();
            try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(query.sql() + " ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertEquals(List.of("fig", "pear"), names);
            String explained = query.explain(new SQLException("Conversion Error: bad value in " + f));
            assertEquals("dataset `d`: cannot read https://example.com/p.csv: Conversion Error: bad value in "
                    + "https://example.com/p.csv (check file_format and the csv_* params, or the content at the source)",
                    explained);
        }
    }

    @Test
    void unknownColumnIsAnError() throws Exception {
        Path f = write("p.csv", "id,name\n1,a\n");
        ConnectorException e = assertThrows(ConnectorException.class, () -> decode(f, Map.of(),
                new ScanRequest(List.of("nope"), Optional.empty(), false)));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void ownedResourcesAreClosedOnFailure() throws Exception {
        Path f = write("bad.parquet", "not parquet at all");
        Path temp = Files.writeString(dir.resolve("temp"), "x");
        assertThrows(ConnectorException.class, () -> DuckDbDecoder.decode("d", "src", f, f.toString(),
                Optional.empty(), FormatOptions.defaults(), ScanRequest.all(), allocator, new DeleteOnClose(temp)));
        assertFalse(Files.exists(temp));
    }

    private List<Map<String, String>> decode(Path f, Map<String, String> params, ScanRequest request)
            throws Exception {
        return ScanRows.drain(DuckDbDecoder.decode("d", f.toString(), f, f.getFileName().toString(), Optional.empty(),
                FormatOptions.parse("d", params), request, allocator));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path gzip(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(content);
        }
        return f;
    }

    /** Writes 100 rows (id 0..99, name-N) as Parquet with DuckDB. */
    static Path parquet(Path target) throws Exception {
        try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT range AS id, 'name-' || range AS name FROM range(100)) TO "
                    + SqlText.literal(target.toString()) + " (FORMAT parquet)");
        }
        return target;
    }
}

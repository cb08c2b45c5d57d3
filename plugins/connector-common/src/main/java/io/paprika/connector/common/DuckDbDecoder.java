package io.paprika.connector.common;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ArrowStream;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.ScanRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBDriver;
import org.duckdb.DuckDBResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a local CSV, JSON, NDJSON or Parquet file (gzipped or not) into Arrow batches with a
 * fresh in-memory DuckDB, which is closed with the returned stream.
 */
public final class DuckDbDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbDecoder.class);
    static final long BATCH_ROWS = 65_536;

    private DuckDbDecoder() {
    }

    /**
     * @param source  the source as users may see it: a path, or a URL without credentials
     * @param name    the file or URL path whose extension may name the format
     * @param owned   closed with the stream, or at once on failure (e.g. deletes a downloaded file)
     */
    public static ArrowStream decode(String dataset, String source, Path file, String name,
            Optional<String> contentType, FormatOptions options, ScanRequest request, BufferAllocator allocator,
            AutoCloseable... owned) throws ConnectorException {
        requireNonNull(dataset, "dataset");
        requireNonNull(source, "source");
        requireNonNull(allocator, "allocator");
        List<AutoCloseable> resources = new ArrayList<>(List.of(owned));
        boolean done = false;
        try {
            FileFormat format = FormatDetector.detect(options, name, contentType, file);
            boolean gzip = FormatDetector.isGzip(file);
            Path readable = file;
            if (gzip && format == FileFormat.PARQUET) {
                DeleteOnClose unpacked = gunzip(file);
                resources.add(unpacked);
                readable = unpacked.file();
                gzip = false;
            }
            String sql = ReadSql.select(readable, format, options, gzip, request);
            LOG.debug("dataset {}: reading {} as {}", dataset, source, format);
            ArrowStream stream = run(sql, allocator, resources);
            done = true;
            return stream;
        } catch (SQLException e) {
            throw new ConnectorException("dataset `" + dataset + "`: cannot read " + source + ": "
                    + conciseMessage(e, file, source)
                    + " (check file_format and the csv_* params, or the content at the source)", false, e);
        } catch (IOException e) {
            throw new ConnectorException("dataset `" + dataset + "`: cannot read " + source + ": " + e, false, e);
        } finally {
            if (!done) {
                closeQuietly(resources);
            }
        }
    }

    private static ArrowStream run(String sql, BufferAllocator allocator, List<AutoCloseable> owned)
            throws SQLException {
        // DriverManager cannot see drivers inside OSGi bundles, so the driver is used directly.
        Connection conn = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        Statement stmt = null;
        ResultSet rs = null;
        try {
            stmt = conn.createStatement();
            rs = stmt.executeQuery(sql);
            ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, BATCH_ROWS);
            List<AutoCloseable> all = new ArrayList<>(owned);
            all.add(conn);
            all.add(stmt);
            all.add(rs);
            // ArrowStream closes in reverse: result set, statement, connection, then the owned files.
            return new ArrowStream(reader, all.toArray(new AutoCloseable[0]));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(List.of(conn, stmt == null ? () -> { } : stmt, rs == null ? () -> { } : rs));
            throw e;
        }
    }

    private static DeleteOnClose gunzip(Path file) throws IOException {
        Path out = Files.createTempFile("paprika-unzipped-", ".parquet");
        DeleteOnClose delete = new DeleteOnClose(out);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return delete;
        } catch (IOException e) {
            delete.close();
            throw e;
        }
    }

    /**
     * DuckDB's message on one line: without the echoed query and the list of fixes, and naming the
     * source instead of a temporary file.
     */
    static String conciseMessage(SQLException e, Path file, String source) {
        String message = String.valueOf(e.getMessage());
        for (String cut : new String[] {"\nLINE ", "\nPossible fixes:"}) {
            int at = message.indexOf(cut);
            if (at >= 0) {
                message = message.substring(0, at);
            }
        }
        message = message.replace(file.toAbsolutePath().toString(), source);
        return message.trim().replaceAll("\\s*\\n\\s*", "; ");
    }

    private static void closeQuietly(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("could not release {}: {}", resources.get(i), e.toString());
            }
        }
    }
}

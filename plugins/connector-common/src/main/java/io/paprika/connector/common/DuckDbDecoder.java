package io.paprika.connector.common;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.ArrowStream;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.LocalFileQuery;
import io.paprika.spi.ScanRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a local CSV, JSON, NDJSON or Parquet file (gzipped or not) into Arrow batches with a
 * connection of the bundle's {@link DecoderDatabase}, which is closed with the returned stream.
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
            ArrowStream stream = run(new FileQuery(sql, dataset, source, file), allocator, resources);
            done = true;
            return stream;
        } catch (SQLException e) {
            throw new ConnectorException(failure(dataset, source, file, e), false, e);
        } catch (IOException e) {
            throw new ConnectorException("dataset `" + dataset + "`: cannot read " + source + ": " + e, false, e);
        } finally {
            if (!done) {
                closeQuietly(resources);
            }
        }
    }

    /**
     * Prepares the read now, so a wrong format or a missing column fails here, in the connector's
     * words; the read itself runs when the batches are first asked for (see {@link DeferredRead}).
     */
    private static ArrowStream run(FileQuery query, BufferAllocator allocator, List<AutoCloseable> owned)
            throws SQLException {
        Connection conn = DecoderDatabase.connect();
        try {
            PreparedStatement stmt = conn.prepareStatement(query.sql());
            List<AutoCloseable> all = new ArrayList<>(owned);
            all.add(conn);
            all.add(stmt);
            // ArrowStream closes the reader, then in reverse: statement, connection, the owned files.
            return new ArrowStream(new DeferredRead(stmt, allocator, BATCH_ROWS, query::explain), query,
                    all.toArray(new AutoCloseable[0]));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(List.of(conn));
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

    /** The read query, for an engine to run in place; its errors read as this decoder's own. */
    private record FileQuery(String sql, String dataset, String source, Path file) implements LocalFileQuery {
        @Override
        public String explain(SQLException failure) {
            return failure(dataset, source, file, failure);
        }
    }

    private static String failure(String dataset, String source, Path file, SQLException e) {
        return "dataset `" + dataset + "`: cannot read " + source + ": " + conciseMessage(e, file, source)
                + " (check file_format and the csv_* params, or the content at the source)";
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

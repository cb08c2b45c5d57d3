package io.paprika.connector.http;

import static java.util.Objects.requireNonNull;

import io.paprika.connector.common.DeleteOnClose;
import io.paprika.connector.common.DuckDbDecoder;
import io.paprika.spi.ArrowStream;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.ScanRequest;
import io.paprika.spi.ScanResult;
import io.paprika.spi.SourceTable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One http(s) dataset: each scan downloads the body to a temporary file (never into the heap) and
 * decodes it with DuckDB. Remembers the last ETag / Last-Modified for conditional scans.
 */
final class HttpSourceTable implements SourceTable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSourceTable.class);
    private static final int ERROR_BODY_BYTES = 200;
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpSourceConfig config;
    private final HttpClient client;
    private Optional<String> etag = Optional.empty();
    private Optional<String> lastModified = Optional.empty();

    HttpSourceTable(HttpSourceConfig config, HttpClient client) {
        this.config = requireNonNull(config, "config");
        this.client = requireNonNull(client, "client");
    }

    @Override
    public ScanResult scan(ScanRequest request, BufferAllocator allocator) throws ConnectorException {
        requireNonNull(request, "request");
        requireNonNull(allocator, "allocator");
        DeleteOnClose download = newDownloadFile();
        boolean handedOver = false;
        try {
            HttpResponse<ResponseBody> response = send(request, download);
            int status = response.statusCode();
            if (status == 304 && request.conditional()) {
                closeQuietly(response.body());
                LOG.debug("dataset {}: {} not modified", config.dataset(), config.displayUrl());
                return ScanResult.notModified();
            }
            if (status < 200 || status > 299) {
                throw HttpErrors.status(config, status, bodyStart(response));
            }
            save(response, download);
            Optional<String> contentType = response.headers().firstValue("Content-Type");
            handedOver = true; // the decoder deletes the file with its stream, or at once if it fails
            ArrowStream rows = DuckDbDecoder.decode(config.dataset(), config.displayUrl(), download.file(),
                    config.uri().getPath() == null ? "" : config.uri().getPath(), contentType, config.format(), request,
                    allocator, download);
            // Validators are kept only once the content decoded, so a bad body is fetched again next time.
            etag = response.headers().firstValue("ETag");
            lastModified = response.headers().firstValue("Last-Modified");
            return ScanResult.of(rows);
        } finally {
            if (!handedOver) {
                closeQuietly(download);
            }
        }
    }

    /**
     * Sends the request, following up to {@link #MAX_REDIRECTS} redirects by hand so credentials and
     * configured headers only ever go to the origin of the configured URL (a presigned storage URL
     * behind a redirect would also reject them).
     */
    private HttpResponse<ResponseBody> send(ScanRequest scan, DeleteOnClose download) throws ConnectorException {
        URI target = config.uri();
        for (int hop = 0; ; hop++) {
            HttpResponse<ResponseBody> response = send(target, scan, sameOrigin(target, config.uri()), download);
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            closeQuietly(response.body());
            URI next;
            try {
                next = target.resolve(location.get().trim());
            } catch (IllegalArgumentException e) {
                throw new ConnectorException("dataset `" + config.dataset() + "`: " + config.displayUrl()
                        + " redirected to an invalid URL", false, e);
            }
            boolean httpNext = next.getHost() != null && ("http".equalsIgnoreCase(next.getScheme())
                    || "https".equalsIgnoreCase(next.getScheme()));
            boolean downgrade = "https".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(
                    next.getScheme());
            if (hop == MAX_REDIRECTS || !httpNext || downgrade) {
                throw new ConnectorException("dataset `" + config.dataset() + "`: " + config.displayUrl()
                        + " redirected too often, away from http(s), or from https to http (last to "
                        + Urls.redacted(next) + "); point `from` at the final URL", false);
            }
            target = next;
        }
    }

    private HttpResponse<ResponseBody> send(URI target, ScanRequest scan, boolean withCredentials,
            DeleteOnClose download) throws ConnectorException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(config.timeout())
                .header("Accept-Encoding", "gzip")
                .GET();
        if (withCredentials) {
            config.headers().forEach(request::header);
            config.authorization().ifPresent(a -> request.setHeader("Authorization", a));
        }
        if (scan.conditional()) {
            etag.ifPresent(v -> request.header("If-None-Match", v));
            lastModified.ifPresent(v -> request.header("If-Modified-Since", v));
        }
        try {
            return client.send(request.build(), ResponseBody.handler(download.file()));
        } catch (IOException e) {
            throw HttpErrors.transport(config, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("dataset `" + config.dataset() + "`: interrupted while requesting "
                    + config.displayUrl(), true, e);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private DeleteOnClose newDownloadFile() throws ConnectorException {
        try {
            return new DeleteOnClose(Files.createTempFile("paprika-http-", ".download"));
        } catch (IOException e) {
            throw new ConnectorException("dataset `" + config.dataset() + "`: cannot create a temporary file for "
                    + config.displayUrl() + ": " + e, true, e);
        }
    }

    /** Leaves the whole body in the download file, if the client did not already write it there. */
    private void save(HttpResponse<ResponseBody> response, DeleteOnClose download) throws ConnectorException {
        try {
            long bytes;
            if (response.body().file().isPresent()) {
                bytes = Files.size(download.file());
            } else {
                try (InputStream body = response.body().decoded(response.headers())) {
                    bytes = Files.copy(body, download.file(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            LOG.info("dataset {}: downloaded {} bytes from {}", config.dataset(), bytes, config.displayUrl());
        } catch (IOException e) {
            throw HttpErrors.transport(config, e);
        }
    }

    /** The first bytes of an error body as one line of text, for the message. */
    private static String bodyStart(HttpResponse<ResponseBody> response) {
        byte[] head;
        try (InputStream body = response.body().decoded(response.headers())) {
            head = body.readNBytes(ERROR_BODY_BYTES);
        } catch (IOException e) {
            return "";
        }
        return new String(head, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }
}

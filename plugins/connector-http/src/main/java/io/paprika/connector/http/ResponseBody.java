package io.paprika.connector.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The body of one answer, received as befits it: a 2xx body that is not content-encoded is written
 * straight to the download file by the client (no stream hand-off per chunk: a 500 MB CSV over
 * loopback took ~0.5-1.2 s instead of ~1.3-1.5 s); a redirect, an error to quote or a gzip-encoded
 * body stays a stream.
 */
final class ResponseBody implements AutoCloseable {
    private final Path file;
    private final InputStream stream;

    private ResponseBody(Path file, InputStream stream) {
        this.file = file;
        this.stream = stream;
    }

    /** Receives a body to keep into {@code file}, any other body as a stream. */
    static HttpResponse.BodyHandler<ResponseBody> handler(Path file) {
        return info -> info.statusCode() / 100 == 2 && !gzipEncoded(info.headers())
                ? BodySubscribers.mapping(BodySubscribers.ofFile(file, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), f -> new ResponseBody(f, null))
                : BodySubscribers.mapping(BodySubscribers.ofInputStream(), s -> new ResponseBody(null, s));
    }

    /** The file the body was written to, when it was received that way. */
    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The body as a stream, decompressed when the server gzip-encoded it. */
    InputStream decoded(HttpHeaders headers) throws IOException {
        if (stream == null) {
            throw new IllegalStateException("the body was written to " + file);
        }
        return gzipEncoded(headers) ? new GZIPInputStream(stream) : stream;
    }

    private static boolean gzipEncoded(HttpHeaders headers) {
        return headers.firstValue("Content-Encoding")
                .map(v -> v.trim().equalsIgnoreCase("gzip") || v.trim().equalsIgnoreCase("x-gzip")).orElse(false);
    }

    /** Drops an unread streamed body (a written one is already complete). */
    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
    }
}

package io.paprika.connector.common;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Deletes a temporary file when the stream that reads it is closed. */
public final class DeleteOnClose implements AutoCloseable {
    private final Path file;

    public DeleteOnClose(Path file) {
        this.file = requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}

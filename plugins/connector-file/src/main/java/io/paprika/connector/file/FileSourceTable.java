package io.paprika.connector.file;

import static java.util.Objects.requireNonNull;

import io.paprika.connector.common.DuckDbDecoder;
import io.paprika.connector.common.FormatOptions;
import io.paprika.spi.ArrowStream;
import io.paprika.spi.ConnectorException;
import io.paprika.spi.ScanRequest;
import io.paprika.spi.ScanResult;
import io.paprika.spi.SourceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One local file dataset; a conditional scan of an unchanged file (same size and mtime) reads nothing. */
final class FileSourceTable implements SourceTable {
    private static final Logger LOG = LoggerFactory.getLogger(FileSourceTable.class);

    /** What identifies one version of the file. */
    private static final class Version {
        final long size;
        final FileTime modified;

        Version(BasicFileAttributes attributes) {
            this.size = attributes.size();
            this.modified = attributes.lastModifiedTime();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Version && ((Version) o).size == size && ((Version) o).modified.equals(modified);
        }

        @Override
        public int hashCode() {
            return Objects.hash(size, modified);
        }
    }

    private final String dataset;
    private final String from;
    private final Path file;
    private final Path spicepodDir;
    private final FormatOptions format;
    private Optional<Version> lastRead = Optional.empty();

    FileSourceTable(String dataset, String from, Path file, Path spicepodDir, FormatOptions format) {
        this.dataset = requireNonNull(dataset, "dataset");
        this.from = requireNonNull(from, "from");
        this.file = requireNonNull(file, "file");
        this.spicepodDir = requireNonNull(spicepodDir, "spicepodDir");
        this.format = requireNonNull(format, "format");
    }

    @Override
    public ScanResult scan(ScanRequest request, BufferAllocator allocator) throws ConnectorException {
        requireNonNull(request, "request");
        requireNonNull(allocator, "allocator");
        Version version = version();
        if (request.conditional() && lastRead.equals(Optional.of(version))) {
            LOG.debug("dataset {}: {} unchanged", dataset, file);
            return ScanResult.notModified();
        }
        ArrowStream rows = DuckDbDecoder.decode(dataset, file.toString(), file, file.getFileName().toString(),
                Optional.empty(), format, request, allocator);
        lastRead = Optional.of(version);
        return ScanResult.of(rows);
    }

    private Version version() throws ConnectorException {
        if (!Files.exists(file)) {
            throw new ConnectorException("dataset `" + dataset + "`: file not found: " + file + " (from `" + from
                    + "`; relative paths are resolved against the spicepod folder " + spicepodDir + ")", false);
        }
        if (Files.isDirectory(file)) {
            throw new ConnectorException("dataset `" + dataset + "`: " + file + " is a directory; point `from` at a file",
                    false);
        }
        try {
            return new Version(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            throw new ConnectorException("dataset `" + dataset + "`: cannot read " + file + ": " + e, false, e);
        }
    }
}

package io.paprika.connector.file;

import io.paprika.spi.ConnectorException;
import io.paprika.spi.SourceSpec;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where a {@code file:} source points: {@code file:data/x.csv} is relative to the spicepod folder,
 * {@code file:/abs/x.csv} and {@code file:///abs/x.csv} are absolute.
 */
final class FilePaths {
    private FilePaths() {
    }

    static Path resolve(SourceSpec spec) throws ConnectorException {
        String location = spec.location();
        try {
            if (location.startsWith("//")) {
                // A file URL: percent-escapes apply, and the host may only be empty or localhost.
                URI uri = URI.create(spec.from());
                String host = uri.getAuthority();
                if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
                    throw invalid(spec, "names host `" + host + "`; only local files can be read (file:///path)");
                }
                return Path.of(uri.getPath()).toAbsolutePath().normalize();
            }
            if (location.isBlank()) {
                throw invalid(spec, "has no path; write file:path/to/data.csv");
            }
            Path path = Path.of(location);
            return (path.isAbsolute() ? path : spec.spicepodDir().resolve(path)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) { // InvalidPathException included
            throw invalid(spec, "is not a valid path: " + e.getMessage());
        }
    }

    private static ConnectorException invalid(SourceSpec spec, String what) {
        return new ConnectorException("dataset `" + spec.dataset() + "`: `from: " + spec.from() + "` " + what, false);
    }
}

package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A private copy of the built distribution ({@code distribution/target/spiced}), so the hot-load
 * figure can take a plugin out of {@code plugins/} without touching the build output.
 */
final class Distribution {
    static final String HTTP_CONNECTOR = "paprika-connector-http.jar";

    private final Path home;

    private Distribution(Path home) {
        this.home = requireNonNull(home, "home");
    }

    static Distribution copyOf(Path built, Path into) throws IOException {
        Path launcher = built.resolve("bin/spiced");
        if (!Files.isExecutable(launcher)) {
            throw new IOException("no built distribution at " + built.toAbsolutePath() + " (bin/spiced missing); run "
                    + "`./mvnw -B -ntp install -DskipTests` from the repository root first, or pass --dist");
        }
        Path home = into.resolve("spiced");
        if (Files.exists(home)) { // a reused --work folder: no jar of an older build may stay behind
            Bench.deleteTree(home);
        }
        try (Stream<Path> all = Files.walk(built)) {
            all.forEach(p -> copy(p, home.resolve(built.relativize(p).toString())));
        }
        return new Distribution(home);
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path home() {
        return home;
    }

    Path launcher() {
        return home.resolve("bin/spiced");
    }

    Path plugins() {
        return home.resolve("plugins");
    }
}

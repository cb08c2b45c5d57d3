package io.paprika.kernel.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the spicepod to run: PATH as a file or a folder holding {@code spicepod.yaml}; without
 * PATH, the current folder's {@code spicepod.yaml}, else the bundled quickstart.
 */
public final class SpicepodLocator {
    private SpicepodLocator() {
    }

    public static Path locate(Optional<Path> given, Path workingDir, Path quickstart) throws ConfigException {
        if (given.isPresent()) {
            Path p = given.get();
            if (Files.isDirectory(p)) {
                Path inside = p.resolve("spicepod.yaml");
                if (Files.isRegularFile(inside)) {
                    return inside;
                }
                Path yml = p.resolve("spicepod.yml");
                if (Files.isRegularFile(yml)) {
                    return yml;
                }
                throw new ConfigException("no spicepod.yaml in folder " + p.toAbsolutePath()
                        + "; pass a spicepod file or a folder holding spicepod.yaml");
            }
            if (!Files.isRegularFile(p)) {
                throw new ConfigException("spicepod " + p.toAbsolutePath() + " does not exist");
            }
            return p;
        }
        Path local = workingDir.resolve("spicepod.yaml");
        return Files.isRegularFile(local) ? local : quickstart;
    }
}

package io.paprika.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Spicepods the benchmark runs, written into a fresh folder per runtime. */
final class Spicepods {
    private Spicepods() {
    }

    /**
     * One accelerated dataset over HTTP. The results cache is off, so every query reaches the
     * engine; the long client timeout lets a slow machine download the 10M-row files.
     */
    static String dataset(String name, String url, String engine, boolean primaryKey) {
        return """
                  - from: %s
                    name: %s
                    params: {client_timeout: 30m}
                    acceleration: {enabled: true, engine: %s%s}
                """.formatted(url, name, engine, primaryKey ? ", primary_key: id" : "");
    }

    /** Writes {@code spicepod.yaml} with the given dataset entries into a new folder under {@code parent}. */
    static Path write(Path parent, String name, String... datasets) throws IOException {
        Path dir = Files.createTempDirectory(parent, name + "-");
        Files.writeString(dir.resolve("spicepod.yaml"), """
                version: v1
                kind: Spicepod
                name: %s
                runtime:
                  results_cache:
                    enabled: false
                datasets:
                %s""".formatted(name, String.join("", datasets)));
        return dir;
    }
}

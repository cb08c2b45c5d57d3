package io.paprika.kernel.dataset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last refresh of a {@code mode: file} dataset, kept beside its data so that after a restart
 * the status still says when the rows it serves were loaded.
 */
final class RefreshHistory {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is kept: when the last good refresh finished and how many rows it left. */
    record Entry(String lastRefresh, long rows, long durationMillis) {
    }

    private final Path dataDir;

    RefreshHistory(Path dataDir) {
        this.dataDir = requireNonNull(dataDir, "dataDir");
    }

    private Path file(String dataset) {
        return dataDir.resolve(dataset + ".refresh.json");
    }

    void save(String dataset, Instant lastRefresh, long rows, long durationMillis) {
        Path target = file(dataset);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), new Entry(lastRefresh.toString(), rows, durationMillis));
            // Written whole, then moved: a crash leaves the old history or the new, never half of one.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("dataset `{}`: cannot keep its refresh history in {}: {}", dataset, target, e.getMessage());
        }
    }

    Optional<Entry> load(String dataset) {
        Path f = file(dataset);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), Entry.class));
        } catch (IOException e) {
            LOG.warn("dataset `{}`: ignoring unreadable refresh history {}: {}", dataset, f, e.getMessage());
            return Optional.empty();
        }
    }
}

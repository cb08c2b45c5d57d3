package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ready_state}: before its first load, an {@code on_registration} dataset is answered from
 * its source, while an {@code on_load} one says it is still loading.
 */
class ReadyStateIT {

    @Test
    void onRegistrationAnswersFromTheSourceUntilTheFirstLoadEnds(@TempDir Path dir) throws Exception {
        try (SourceServer source = new SourceServer(null, null)) {
            source.put("/early.csv", "id,v\n1,a\n2,b\n", "text/csv").put("/late.csv", "id\n1\n", "text/csv");
            // The first request of each path (the initial load) takes 5 s.
            source.stallNext("/early.csv", 1).stallNext("/late.csv", 1);
            Files.writeString(dir.resolve("spicepod.yaml"), """
                    version: v1
                    kind: Spicepod
                    name: ready
                    datasets:
                      - from: %s
                        name: early
                        ready_state: on_registration
                        acceleration: {enabled: true, engine: arrow}
                      - from: %s
                        name: late
                        acceleration: {enabled: true, engine: arrow}
                    """.formatted(source.url("/early.csv"), source.url("/late.csv")));
            try (Spiced spiced = Spiced.start(dir, null, Map.of())) {
                spiced.awaitTrue(Duration.ofSeconds(30), "the HTTP API", () -> status(spiced, "/health") == 200);
                spiced.awaitTrue(Duration.ofSeconds(5), "the first loads to start", () -> source.hits("/late.csv") > 0
                        && source.hits("/early.csv") > 0);

                assertEquals("[{\"id\":2,\"v\":\"b\"}]", spiced.body("SELECT id, v FROM early WHERE id = 2"));
                String plan = spiced.sql("EXPLAIN SELECT * FROM early", "text/csv").body();
                assertTrue(plan.contains("early at source"), plan);
                HttpResponse<String> late = spiced.sql("SELECT * FROM late");
                assertEquals(503, late.statusCode(), late.body());
                assertTrue(late.body().contains("dataset `late` is still loading"), late.body());
                assertEquals(503, status(spiced, "/v1/ready"), "late has not loaded yet");

                spiced.awaitReady(Duration.ofSeconds(30));
                String loaded = spiced.sql("EXPLAIN SELECT * FROM early", "text/csv").body();
                assertTrue(loaded.contains("engine,memory"), loaded);
                assertEquals("[{\"n\":2}]", spiced.body("SELECT count(*) AS n FROM early"));
            }
        }
    }

    private static int status(Spiced spiced, String path) {
        try {
            return spiced.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}

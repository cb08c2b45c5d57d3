package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Start-up on the bundled quickstart, and hot loading of a missing connector bundle. */
final class StartFigures {
    private final Env env;

    StartFigures(Env env) {
        this.env = requireNonNull(env, "env");
    }

    List<Figure> run() throws Exception {
        return List.of(startup(), hotLoad());
    }

    private Figure startup() throws Exception {
        Env.say("start-up: bin/spiced on the quickstart to /v1/ready");
        // The first run has no class data archive (bin/spiced), writes one when it stops, and is kept
        // out of the median; the later runs map it, as every start after an installation's first does.
        Path archives = env.dist().home().resolve("var/cds");
        if (Files.exists(archives)) {
            Bench.deleteTree(archives);
        }
        double first = 0;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i <= env.options().runs(); i++) {
            // No spicepod.yaml in the working folder: the runtime serves its bundled quickstart.
            Path empty = Files.createTempDirectory(env.options().work(), "quickstart-");
            try (Spiced spiced = Spiced.start(env.dist(), empty, Map.of())) {
                spiced.awaitReady(Env.LOAD_TIMEOUT);
                double ms = Stats.millisSince(spiced.startedNanos());
                if (i > 0) {
                    times.add(ms);
                } else {
                    first = ms;
                }
            }
        }
        double ms = Stats.median(times);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("timed_as", "process start to the first 200 of /v1/ready, polled every 20 ms");
        d.put("first_start_ms", Stats.round(first));
        d.put("first_start", "an installation's first start: no class data archive yet (it writes one at its stop)");
        d.put("runs_ms", times);
        return new Figure("startup", "Start-up, quickstart to /v1/ready", Stats.round(ms), "ms", null,
                "first start %,.0f ms".formatted(first),
                "<= 3000 ms", ms <= 3000, d);
    }

    /**
     * Starts with the http connector's jar out of {@code plugins/}, waits until its dataset says the
     * connector is missing, copies the jar in and times until {@code /v1/ready}; the dataset's own
     * load time (as the runtime reports it) is subtracted to give the hot-load overhead.
     */
    private Figure hotLoad() throws Exception {
        Env.say("hot load: copy the http connector into plugins/ while a dataset waits for it");
        Path jar = env.dist().plugins().resolve(Distribution.HTTP_CONNECTOR);
        Path stash = Files.createDirectories(env.dist().home().resolve("stash")).resolve(Distribution.HTTP_CONNECTOR);
        Path staging = stash.resolveSibling("staging.jar");
        String url = env.server().url(env.data().lookupParquet());
        List<Double> totals = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        Files.move(jar, stash, StandardCopyOption.REPLACE_EXISTING);
        try {
            for (int i = 0; i <= env.options().runs(); i++) {
                Files.deleteIfExists(jar);
                Path pod = Spicepods.write(env.options().work(), "hot",
                        Spicepods.dataset("hot", url, "duckdb", false));
                try (Spiced spiced = Spiced.start(env.dist(), pod, Map.of())) {
                    spiced.await(Env.LOAD_TIMEOUT, "dataset `hot` to report its missing connector", () -> {
                        try {
                            return spiced.dataset("hot").path("message").asText().contains("not installed");
                        } catch (Exception e) {
                            return false;
                        }
                    }, 50);
                    // Copied beside plugins/ first, then moved in whole, so File Install never sees half a jar.
                    Files.copy(stash, staging, StandardCopyOption.REPLACE_EXISTING);
                    long start = System.nanoTime();
                    Files.move(staging, jar, StandardCopyOption.ATOMIC_MOVE);
                    spiced.awaitReady(Env.LOAD_TIMEOUT);
                    double total = Stats.millisSince(start);
                    double load = spiced.dataset("hot").path("last_refresh_duration_ms").asDouble();
                    if (i > 0) {
                        totals.add(total);
                        loads.add(load);
                    }
                }
            }
        } finally {
            Files.copy(stash, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        double total = Stats.median(totals);
        double load = Stats.median(loads);
        double overhead = total - load;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rows", env.data().lookupRows());
        d.put("overhead_ms", Stats.round(overhead));
        d.put("timed_as", "jar moved into plugins/ to the first 200 of /v1/ready; baseline is the dataset's "
                + "last_refresh_duration_ms");
        d.put("runs_ms", totals);
        d.put("load_runs_ms", loads);
        return new Figure("hot_load", "Hot load, jar into plugins/ -> ready", Stats.round(total), "ms",
                Stats.round(load), "%+.0f ms over load".formatted(overhead), "<= 3000 ms plus load time",
                overhead <= 3000, d);
    }
}

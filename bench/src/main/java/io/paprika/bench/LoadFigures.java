package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Load throughput: CSV over HTTP into duckdb, and Parquet into the memory engine (H2) with its peak heap. */
final class LoadFigures {
    /** One timed run, in milliseconds. */
    interface Timed {
        double ms() throws Exception;
    }

    private final Env env;

    LoadFigures(Env env) {
        this.env = requireNonNull(env, "env");
    }

    List<Figure> run() throws Exception {
        return List.of(csvLoad(), memoryLoad());
    }

    private Figure csvLoad() throws Exception {
        long rows = env.data().rows();
        Path csv = env.data().mainCsv();
        Path pod = Spicepods.write(env.options().work(), "csv",
                Spicepods.dataset("t_csv", env.server().url(csv), "duckdb", false));
        Env.say("load: CSV over HTTP into duckdb vs in-process CREATE TABLE AS read_csv");
        try (Spiced spiced = Spiced.start(env.dist(), pod, Map.of())) {
            spiced.awaitReady(Env.LOAD_TIMEOUT);
            Figure f = compare("load_csv_duckdb", "Load CSV over HTTP -> duckdb", rows, env,
                    () -> Refreshes.timeRefresh(spiced, "t_csv", rows),
                    () -> env.local().createTable("t_csv", "read_csv('" + csv + "')"));
            env.local().drop("t_csv");
            return f;
        }
    }

    private Figure memoryLoad() throws Exception {
        long rows = env.data().memoryRows();
        Path pod = Spicepods.write(env.options().work(), "memory",
                Spicepods.dataset("t_mem", env.server().url(env.data().memoryParquet()), "memory", false));
        Env.say("load: " + rows + " rows of Parquet over HTTP into the memory engine (H2)");
        AtomicLong peakHeap = new AtomicLong();
        List<Double> times = new ArrayList<>();
        try (Spiced spiced = Spiced.start(env.dist(), pod, Map.of())) {
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    spiced.heapUsedBytes().ifPresent(h -> peakHeap.accumulateAndGet(h, Math::max));
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            try {
                spiced.awaitReady(Env.LOAD_TIMEOUT); // the first load is the warm-up
                for (int i = 0; i < env.options().runs(); i++) {
                    times.add(Refreshes.timeRefresh(spiced, "t_mem", rows));
                }
            } finally {
                sampler.interrupt();
                sampler.join();
            }
        }
        double ms = Stats.median(times);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rows", rows);
        d.put("median_ms", Stats.round(ms));
        d.put("peak_heap_bytes", peakHeap.get());
        d.put("peak_heap_mib", Stats.round(peakHeap.get() / 1048576.0));
        d.put("heap_sampled", "jvm_memory_bytes_used{area=\"heap\"} from /metrics every 100 ms");
        d.put("runs_ms", times);
        return Figure.reported("load_memory", "Load Parquet over HTTP -> memory (H2)", Stats.round(rows / ms * 1000),
                "rows/s", d);
    }

    /**
     * A load through the runtime against the same load in-process, each run once to warm up and
     * then {@code runs} times, alternating so both see the same machine noise.
     */
    static Figure compare(String id, String title, long rows, Env env, Timed remote, Timed local) throws Exception {
        List<Double> remoteRuns = new ArrayList<>();
        List<Double> localRuns = new ArrayList<>();
        for (int i = 0; i <= env.options().runs(); i++) {
            double r = remote.ms();
            double l = local.ms();
            if (i > 0) {
                remoteRuns.add(r);
                localRuns.add(l);
            }
        }
        double remoteMs = Stats.median(remoteRuns);
        double localMs = Stats.median(localRuns);
        double ratio = localMs / remoteMs;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rows", rows);
        d.put("median_ms", Stats.round(remoteMs));
        d.put("baseline_median_ms", Stats.round(localMs));
        d.put("timed_as", "POST /v1/datasets/{name}/acceleration/refresh until /v1/datasets?status=true shows the "
                + "new refresh Ready; baseline: CREATE OR REPLACE TABLE AS SELECT * FROM the local file");
        d.put("runs_ms", remoteRuns);
        d.put("baseline_runs_ms", localRuns);
        return new Figure(id, title, Stats.round(rows / remoteMs * 1000), "rows/s", Stats.round(rows / localMs * 1000),
                ScanFigures.ratio(ratio), ">= 0.5x in-process", ratio >= 0.5, d);
    }
}

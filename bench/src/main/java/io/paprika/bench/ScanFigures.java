package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of one runtime holding the main table in duckdb: Flight and HTTP scans, the aggregate,
 * peak RSS once loaded and scanned, then Parquet load throughput by refreshing it.
 */
final class ScanFigures {
    static final String SCAN = "SELECT * FROM t";
    static final String AGGREGATE = "SELECT category, sum(value) AS total, avg(value) AS mean, count(*) AS n "
            + "FROM t GROUP BY category ORDER BY category";
    static final long BASELINE_BATCH_ROWS = 65_536;
    /**
     * Cheap statements run first, so the Flight call path (gRPC, Flight SQL, in the client and the
     * runtime) is JIT-compiled as in a long-running service: 30 aggregates alone leave it
     * interpreted, ~4 ms of the overhead measured (GetFlightInfo ~5.8 ms before, ~1.4 ms after).
     */
    static final int FLIGHT_WARM_UP = 2_000;
    /**
     * Whole scans run first, each way, before the measured ones: after one, both JVMs were still
     * compiling the Arrow read and write paths (this session's runs: 1.9, 1.9, 1.2 s, then ~0.9-1.0 s
     * from the fifth scan on), and the baseline still faulting its memory in (0.75, 0.52, 0.43 s).
     */
    static final int SCAN_WARM_UP = 3;

    private final Env env;

    ScanFigures(Env env) {
        this.env = requireNonNull(env, "env");
    }

    List<Figure> run() throws Exception {
        List<Figure> out = new ArrayList<>();
        long rows = env.data().rows();
        String url = env.server().url(env.data().mainParquet());
        env.local().createTable("t", "read_parquet('" + env.data().mainParquet() + "')");
        Path pod = Spicepods.write(env.options().work(), "scan", Spicepods.dataset("t", url, "duckdb", false));
        Env.say("scan: starting the runtime on " + rows + " rows of Parquet");
        try (Spiced spiced = Spiced.start(env.dist(), pod, Map.of());
                FlightSql flight = new FlightSql(env.allocator(), spiced.flightPort())) {
            spiced.awaitReady(Env.LOAD_TIMEOUT);
            out.add(flightScan(flight, rows));
            out.add(flightTransfer(rows));
            HttpSql http = new HttpSql(spiced);
            out.add(httpScan(http, "application/json", "http_scan_json", "HTTP scan, JSON", rows));
            out.add(httpScan(http, "text/csv", "http_scan_csv", "HTTP scan, CSV", rows));
            out.add(aggregate(flight, spiced.pid()));
            out.add(peakRss(spiced));
            out.add(parquetLoad(spiced, rows));
        }
        return out;
    }

    private Figure flightScan(FlightSql flight, long rows) throws Exception {
        Env.say("scan: Flight SELECT * vs in-process Arrow export");
        Comparison c = againstExport(() -> expect(flight.query(SCAN), rows, "Flight scan"));
        return new Figure("flight_scan", "Flight scan SELECT * (duckdb)", Stats.round(rows / c.ms() * 1000),
                "rows/s", Stats.round(rows / c.baselineMs() * 1000), ratio(c.ratio()), ">= 0.7x in-process",
                c.ratio() >= 0.7, c.details());
    }

    /**
     * The Flight scan's best case: the same batches, already in memory, sent by a Flight server in
     * this JVM to a Flight client, with no engine and no runtime in between.
     */
    private Figure flightTransfer(long rows) throws Exception {
        Env.say("scan: Flight alone (batches held in the harness) vs in-process Arrow export");
        try (FlightTransfer transfer = env.local().withArrowExport(SCAN, env.allocator(), BASELINE_BATCH_ROWS,
                reader -> FlightTransfer.holding(reader, env.allocator()))) {
            Comparison c = againstExport(() -> expect(transfer.fetch(), rows, "Flight transfer"));
            return new Figure("flight_transfer", "Flight alone, no engine (harness)", Stats.round(rows / c.ms() * 1000),
                    "rows/s", Stats.round(rows / c.baselineMs() * 1000), ratio(c.ratio()),
                    "reported (scan's best case)", null, c.details());
        }
    }

    interface Fetch {
        Batches get() throws Exception;
    }

    record Comparison(double ms, double baselineMs, Map<String, Object> details) {
        double ratio() {
            return baselineMs / ms;
        }
    }

    /** Times {@code remote} against the in-process Arrow export of the scan, runs interleaved. */
    private Comparison againstExport(Fetch remote) throws Exception {
        long rows = env.data().rows();
        List<Double> remoteRuns = new ArrayList<>();
        List<Double> local = new ArrayList<>();
        Batches remoteLast = null;
        Batches localLast = null;
        for (int i = 0; i < SCAN_WARM_UP + env.options().runs(); i++) {
            long start = System.nanoTime();
            remoteLast = remote.get();
            double remoteMs = Stats.millisSince(start);
            start = System.nanoTime();
            localLast = expect(env.local().arrowScan(SCAN, env.allocator(), BASELINE_BATCH_ROWS), rows, "in-process scan");
            double localMs = Stats.millisSince(start);
            if (i >= SCAN_WARM_UP) {
                remoteRuns.add(remoteMs);
                local.add(localMs);
            }
        }
        double remoteMs = Stats.median(remoteRuns);
        double localMs = Stats.median(local);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rows", remoteLast.rows());
        d.put("warm_up", SCAN_WARM_UP + " scans each way");
        d.put("arrow_bytes", remoteLast.bytes());
        d.put("median_ms", Stats.round(remoteMs));
        d.put("mb_per_s", Stats.round(mbPerSecond(remoteLast.bytes(), remoteMs)));
        d.put("baseline_rows", localLast.rows());
        d.put("baseline_arrow_bytes", localLast.bytes());
        d.put("baseline_median_ms", Stats.round(localMs));
        d.put("baseline_mb_per_s", Stats.round(mbPerSecond(localLast.bytes(), localMs)));
        d.put("runs_ms", remoteRuns);
        d.put("baseline_runs_ms", local);
        return new Comparison(remoteMs, localMs, d);
    }

    private Figure httpScan(HttpSql http, String accept, String id, String title, long rows) throws Exception {
        Env.say("scan: HTTP SELECT * as " + accept);
        List<Double> times = new ArrayList<>();
        Batches last = null;
        for (int i = 0; i <= env.options().runs(); i++) {
            long start = System.nanoTime();
            last = expect(http.scan(SCAN, accept), rows, title);
            if (i > 0) {
                times.add(Stats.millisSince(start));
            }
        }
        double ms = Stats.median(times);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rows", last.rows());
        d.put("body_bytes", last.bytes());
        d.put("median_ms", Stats.round(ms));
        d.put("mb_per_s", Stats.round(mbPerSecond(last.bytes(), ms)));
        d.put("runs_ms", times);
        return Figure.reported(id, title, Stats.round(rows / ms * 1000), "rows/s", d);
    }

    private Figure aggregate(FlightSql flight, long runtimePid) throws Exception {
        Env.say("scan: group-by latency via Flight vs in-process");
        List<Double> remote = new ArrayList<>();
        List<Double> local = new ArrayList<>();
        long groups = DataFiles.CATEGORIES;
        for (int i = 0; i < FLIGHT_WARM_UP; i++) {
            expect(flight.query("SELECT 1 AS one"), 1, "warm-up over Flight");
        }
        CompilerTime.Window jit = null;
        for (int i = 0; i < env.options().latencyRuns() + 2; i++) {
            if (i == 2) {
                jit = CompilerTime.window(runtimePid);
            }
            long start = System.nanoTime();
            expect(flight.query(AGGREGATE), groups, "aggregate over Flight");
            double remoteMs = Stats.millisSince(start);
            start = System.nanoTime();
            long localRows = env.local().rows(AGGREGATE);
            double localMs = Stats.millisSince(start);
            if (localRows != groups) {
                throw new IllegalStateException("in-process aggregate returned " + localRows + " groups, not " + groups);
            }
            if (i >= 2) { // two warm-up runs
                remote.add(remoteMs);
                local.add(localMs);
            }
        }
        double remoteMs = Stats.median(remote);
        double localMs = Stats.median(local);
        double overhead = remoteMs - localMs;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("groups", groups);
        d.put("query", AGGREGATE);
        d.put("warm_up", FLIGHT_WARM_UP + " statements SELECT 1 over Flight, then 2 aggregates each way");
        d.put("overhead_ms", Stats.round(overhead));
        d.put("runs_ms", remote);
        d.put("baseline_runs_ms", local);
        // Compilation during the measured runs, in both JVMs: CPU the aggregates shared their cores with.
        d.put("runtime_jit_ms", jit == null ? -1 : jit.runtimeMillis());
        d.put("harness_jit_ms", jit == null ? -1 : jit.harnessMillis());
        return new Figure("aggregate_latency", "Aggregate group-by latency, Flight", Stats.round(remoteMs), "ms",
                Stats.round(localMs), "%+.2f ms".formatted(overhead), "overhead <= 2 ms", overhead <= 2.0, d);
    }

    private Figure peakRss(Spiced spiced) throws Exception {
        long rss = spiced.peakRssBytes();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("peak_rss_bytes", rss);
        d.put("parquet_bytes", env.data().mainParquetBytes());
        d.put("runtime_reported_size_bytes", spiced.dataset("t").path("size_bytes").asLong(-1));
        d.put("in_process_duckdb_memory_bytes", env.local().memoryBytes());
        d.put("measured_after", "first load, Flight and HTTP scans and the aggregate; before any refresh");
        return new Figure("peak_rss", "Peak RSS, duckdb table loaded+scanned", Stats.round(rss / 1048576.0), "MiB",
                Stats.round(env.data().mainParquetBytes() / 1048576.0),
                "%.1fx Parquet size".formatted((double) rss / env.data().mainParquetBytes()), "reported vs table size",
                null, d);
    }

    private Figure parquetLoad(Spiced spiced, long rows) throws Exception {
        Env.say("load: Parquet over HTTP into duckdb vs in-process CREATE TABLE AS read_parquet");
        String source = "read_parquet('" + env.data().mainParquet() + "')";
        return LoadFigures.compare("load_parquet_duckdb", "Load Parquet over HTTP -> duckdb", rows, env,
                () -> Refreshes.timeRefresh(spiced, "t", rows), () -> env.local().createTable("t", source));
    }

    static Batches expect(Batches got, long rows, String what) {
        if (got.rows() != rows) {
            throw new IllegalStateException(what + " returned " + got.rows() + " rows, not " + rows);
        }
        return got;
    }

    static double mbPerSecond(long bytes, double ms) {
        return bytes / 1e6 / (ms / 1000);
    }

    static String ratio(double r) {
        return "%.2fx".formatted(r);
    }
}

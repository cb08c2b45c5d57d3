package io.paprika.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Point lookups by primary key on the lookup table in the memory engine and in duckdb, over a Flight
 * prepared statement and over HTTP; then many Flight clients at once.
 */
final class LookupFigures {
    private static final List<String> ENGINES = List.of("memory", "duckdb");

    private final Env env;

    LookupFigures(Env env) {
        this.env = requireNonNull(env, "env");
    }

    private static String table(String engine) {
        return "lookup_" + engine;
    }

    List<Figure> run() throws Exception {
        String url = env.server().url(env.data().lookupParquet());
        Path pod = Spicepods.write(env.options().work(), "lookup",
                Spicepods.dataset(table("memory"), url, "memory", true),
                Spicepods.dataset(table("duckdb"), url, "duckdb", true));
        Env.say("lookup: starting the runtime on " + env.data().lookupRows() + " rows in memory and duckdb");
        List<Figure> out = new ArrayList<>();
        try (Spiced spiced = Spiced.start(env.dist(), pod, Map.of());
                FlightSql flight = new FlightSql(env.allocator(), spiced.flightPort())) {
            spiced.awaitReady(Env.LOAD_TIMEOUT);
            HttpSql http = new HttpSql(spiced);
            for (String engine : ENGINES) {
                Env.say("lookup: " + engine + " over Flight and HTTP");
                try (FlightSql.Lookup lookup = flight.prepareLookup("SELECT * FROM " + table(engine) + " WHERE id = ?")) {
                    out.add(latency("lookup_flight_" + engine, "Point lookup, Flight prepared, " + engine, key -> {
                        long n = lookup.find(key);
                        if (n != 1) {
                            throw new IllegalStateException("lookup of id " + key + " returned " + n + " rows");
                        }
                    }, "memory".equals(engine), spiced.pid()));
                }
                out.add(latency("lookup_http_" + engine, "Point lookup, HTTP, " + engine, key -> {
                    String body = http.json("SELECT * FROM " + table(engine) + " WHERE id = " + key);
                    if (!body.startsWith("[{\"id\":" + key + ",")) {
                        throw new IllegalStateException("lookup of id " + key + " answered " + body);
                    }
                }, false, spiced.pid()));
            }
            out.add(concurrency(spiced));
        }
        return out;
    }

    interface Probe {
        void find(long key) throws Exception;
    }

    /**
     * After the warm-up, {@code --runs} passes of {@code --lookups} each; the figure is the median
     * pass's p50 and p99, like every other figure a median of runs, so one pass caught in a slow
     * spell of the machine does not decide it. Every pass is in the details, with the time both
     * JVMs' compilers took during it.
     */
    private Figure latency(String id, String title, Probe probe, boolean targeted, long runtimePid) throws Exception {
        Random keys = new Random(env.options().seed());
        WarmUp warmUp = warmUp(probe, keys, runtimePid);
        List<Double> p50s = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<Map<String, Object>> passes = new ArrayList<>();
        for (int run = 0; run < env.options().runs(); run++) {
            List<Double> ms = new ArrayList<>();
            CompilerTime.Window jit = CompilerTime.window(runtimePid);
            for (int i = 0; i < env.options().lookups(); i++) {
                long key = key(keys);
                long start = System.nanoTime();
                probe.find(key);
                ms.add(Stats.millisSince(start));
            }
            double passP50 = Stats.median(ms);
            double passP99 = Stats.percentile(ms, 99);
            p50s.add(passP50);
            p99s.add(passP99);
            passes.add(Map.of("p50_ms", Stats.round(passP50), "p99_ms", Stats.round(passP99),
                    "max_ms", Stats.round(Collections.max(ms)), "runtime_jit_ms", jit.runtimeMillis(),
                    "harness_jit_ms", jit.harnessMillis()));
        }
        double p50 = Stats.median(p50s);
        double p99 = Stats.median(p99s);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lookups", env.options().lookups());
        d.put("warm_up_lookups", warmUp.lookups());
        d.put("warm_up_settled", warmUp.settled());
        d.put("passes", passes.size());
        d.put("p50_ms", Stats.round(p50));
        d.put("p99_ms", Stats.round(p99));
        d.put("each_pass", passes);
        String comparison = "p99 %.2f ms".formatted(p99);
        if (targeted) {
            return new Figure(id, title + " (p50)", Stats.round(p50), "ms", null, comparison,
                    "p50 <= 1 ms, p99 <= 5 ms", p50 <= 1.0 && p99 <= 5.0, d);
        }
        return new Figure(id, title + " (p50)", Stats.round(p50), "ms", null, comparison, "reported", null, d);
    }

    /** What a lookup figure's warm-up did: lookups made, and whether both JVMs' compilers had settled. */
    private record WarmUp(int lookups, boolean settled) {
    }

    /**
     * {@code --lookup-warm-up} lookups, then passes of {@code --lookups} until one where neither the
     * runtime's nor the harness's JIT compilers were busy for more than 5% of its time, up to {@code
     * --lookup-warm-up-max} in all: a fixed count ended while both JVMs still compiled the call path
     * (a standalone client from a fresh start: the runtime's compilers took 80-880 ms of CPU in some
     * passes of 2,000 up to ~18,000 lookups), and a service that has been up a while is past that.
     */
    private WarmUp warmUp(Probe probe, Random keys, long runtimePid) throws Exception {
        int done = 0;
        for (; done < env.options().lookupWarmUp(); done++) {
            probe.find(key(keys));
        }
        while (done < env.options().lookupWarmUpMax()) {
            CompilerTime.Window jit = CompilerTime.window(runtimePid);
            for (int i = 0; i < env.options().lookups(); i++, done++) {
                probe.find(key(keys));
            }
            if (jit.settled()) {
                return new WarmUp(done, true);
            }
        }
        return new WarmUp(done, false);
    }

    private long key(Random keys) {
        return (long) (keys.nextDouble() * env.data().lookupRows());
    }

    private Figure concurrency(Spiced spiced) throws Exception {
        int threads = env.options().concurrency();
        long seconds = env.options().concurrencySeconds();
        Env.say("lookup: " + threads + " Flight clients on the memory engine for " + seconds + " s");
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        // The clock starts once every client has connected and prepared its statement.
        CountDownLatch prepared = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong end = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start;
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = env.options().seed() + t;
                clients.add(pool.submit(() -> {
                    Random keys = new Random(seed);
                    // Each client has its own connection, as separate application instances would.
                    try (FlightSql flight = new FlightSql(env.allocator(), spiced.flightPort());
                            FlightSql.Lookup lookup = flight.prepareLookup(
                                    "SELECT * FROM " + table("memory") + " WHERE id = ?")) {
                        prepared.countDown();
                        go.await();
                        while (System.nanoTime() < end.get()) {
                            long key = (long) (keys.nextDouble() * env.data().lookupRows());
                            try {
                                if (lookup.find(key) == 1) {
                                    ok.incrementAndGet();
                                } else {
                                    errors.incrementAndGet();
                                    note(firstErrors, "id " + key + " not found");
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                note(firstErrors, e.toString());
                            }
                        }
                    }
                    return null;
                }));
            }
            if (!prepared.await(60, TimeUnit.SECONDS)) {
                for (Future<?> c : clients) {
                    if (c.isDone()) {
                        c.get(); // throws the client's failure
                    }
                }
                throw new IllegalStateException("the Flight clients did not all connect and prepare within 60 s");
            }
            start = System.nanoTime();
            end.set(start + seconds * 1_000_000_000L);
            go.countDown();
            for (Future<?> c : clients) {
                c.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsedS = Stats.millisSince(start) / 1000;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("clients", threads);
        d.put("seconds", Stats.round(elapsedS));
        d.put("lookups_ok", ok.get());
        d.put("errors", errors.get());
        d.put("first_errors", List.copyOf(firstErrors));
        return new Figure("concurrency", threads + " Flight clients, point lookups (memory)",
                Stats.round(ok.get() / elapsedS), "QPS", null, errors.get() + " errors", "QPS reported, zero errors",
                errors.get() == 0, d);
    }

    private static void note(List<String> firstErrors, String error) {
        if (firstErrors.size() < 5) {
            firstErrors.add(error);
        }
    }
}

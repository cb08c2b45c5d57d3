package io.paprika.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark of issue 8: runs the built distribution as a separate process against generated
 * data served over loopback HTTP and measures it against DuckDB in-process in the same run.
 * Targets are evaluated and printed; a missed target never fails the run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the built Paprika distribution against DuckDB in-process.")
public final class Bench implements Callable<Integer> {
    static final Set<String> GROUPS = Set.of("scan", "load", "lookup", "start");

    @Option(names = "--rows", defaultValue = "10000000", description = "rows of the scan/load table (${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--lookup-rows", defaultValue = "1000000", description = "rows of the lookup table (${DEFAULT-VALUE})")
    long lookupRows;

    // H2 holds rows on the JVM heap: 10M rows took ~1 min and ~7 GB RSS, and a refresh beside the old copy
    // stalled in GC for minutes, so the default is the lookup table's size.
    @Option(names = "--memory-rows", defaultValue = "1000000",
            description = "rows loaded into the memory engine; -1 means --rows (${DEFAULT-VALUE})")
    long memoryRows;

    // Three measured runs keep the default sizes under 10 minutes on 2 cores.
    @Option(names = "--runs", defaultValue = "3", description = "measured runs per figure, after a warm-up (${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--latency-runs", defaultValue = "30", description = "measured aggregate queries (${DEFAULT-VALUE})")
    int latencyRuns;

    @Option(names = "--lookups", defaultValue = "2000", description = "measured lookups per pass, per engine and protocol; --runs passes (${DEFAULT-VALUE})")
    int lookups;

    // From a fresh runtime and client, 3,000 lookups left both JVMs still compiling the call path.
    @Option(names = "--lookup-warm-up", defaultValue = "10000",
            description = "lookups before the measured ones, per engine and protocol, at least (${DEFAULT-VALUE})")
    int lookupWarmUp;

    // Past the minimum, the warm-up goes on in passes of --lookups until neither JVM's JIT compilers
    // were busy for more than 5% of a pass; standalone runs settled after ~16,000-18,000 lookups.
    @Option(names = "--lookup-warm-up-max", defaultValue = "30000",
            description = "lookups before the measured ones at most, while a JVM still compiles (${DEFAULT-VALUE})")
    int lookupWarmUpMax;

    @Option(names = "--concurrency", defaultValue = "32", description = "concurrent Flight clients (${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--concurrency-seconds", defaultValue = "20", description = "how long they run (${DEFAULT-VALUE})")
    int concurrencySeconds;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the generated data (${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dist", defaultValue = "distribution/target/spiced", description = "the built distribution (${DEFAULT-VALUE})")
    Path dist;

    @Option(names = "--out", defaultValue = "bench/target/results.json", description = "JSON results file (${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--work", description = "scratch folder (default: a new temporary folder, deleted afterwards)")
    Path work;

    @Option(names = "--only", split = ",", description = "figure groups to run: scan, load, lookup, start (default: all)")
    Set<String> only;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Set<String> groups = only == null || only.isEmpty() ? GROUPS : only;
        if (!GROUPS.containsAll(groups)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--only takes " + GROUPS + ", not " + groups);
        }
        boolean ownWork = work == null;
        Path workDir = ownWork ? Files.createTempDirectory("paprika-bench-") : Files.createDirectories(work);
        Options o = new Options(dist, workDir, rows, lookupRows, memoryRows < 0 ? rows : memoryRows, runs,
                latencyRuns, lookups, lookupWarmUp, Math.max(lookupWarmUp, lookupWarmUpMax), concurrency,
                concurrencySeconds, seed);
        try {
            List<Figure> figures = measure(o, groups);
            Report.printTable(figures, System.out);
            Report.writeJson(out, optionsMap(o), figures);
            Env.say("results written to " + out.toAbsolutePath());
            return 0;
        } finally {
            if (ownWork) {
                deleteTree(workDir);
            }
        }
    }

    private static List<Figure> measure(Options o, Set<String> groups) throws Exception {
        Env.say("generating " + o.rows() + " + " + o.lookupRows() + " rows (seed " + o.seed() + ")");
        DataFiles data = DataFiles.generate(o.work().resolve("data"), o.rows(), o.lookupRows(), o.memoryRows(),
                o.seed());
        Distribution distribution = Distribution.copyOf(o.dist(), o.work());
        List<Figure> figures = new ArrayList<>();
        try (FileServer server = new FileServer(data.mainParquet().getParent());
                InProcess local = new InProcess();
                BufferAllocator allocator = new RootAllocator()) {
            Env env = new Env(o, distribution, data, server, local, allocator);
            if (groups.contains("scan")) {
                figures.addAll(new ScanFigures(env).run());
            }
            if (groups.contains("load")) {
                figures.addAll(new LoadFigures(env).run());
            }
            if (groups.contains("lookup")) {
                figures.addAll(new LookupFigures(env).run());
            }
            if (groups.contains("start")) {
                figures.addAll(new StartFigures(env).run());
            }
        }
        return figures;
    }

    private static Map<String, Object> optionsMap(Options o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", o.rows());
        m.put("lookup_rows", o.lookupRows());
        m.put("memory_rows", o.memoryRows());
        m.put("runs", o.runs());
        m.put("latency_runs", o.latencyRuns());
        m.put("lookups", o.lookups());
        m.put("lookup_warm_up", o.lookupWarmUp());
        m.put("lookup_warm_up_max", o.lookupWarmUpMax());
        m.put("concurrency", o.concurrency());
        m.put("concurrency_seconds", o.concurrencySeconds());
        m.put("seed", o.seed());
        m.put("dist", o.dist().toAbsolutePath().toString());
        return m;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

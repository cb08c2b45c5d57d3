package io.paprika.kernel;

import ch.qos.logback.classic.Level;
import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.SecretMask;
import io.paprika.kernel.tls.TlsFlags;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sun.misc.Signal;

/** {@code bin/spiced}: the command line, with Spice's flags. */
@Command(name = "spiced", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs a Spicepod: loads its datasets and serves SQL over HTTP.")
public final class Main implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PATH",
            description = "A spicepod file, or a folder holding spicepod.yaml. Default: ./spicepod.yaml, else the quickstart.")
    Path spicepod;

    @Option(names = "--http", defaultValue = "127.0.0.1:8090", description = "HTTP API address (default: ${DEFAULT-VALUE}).")
    String http;

    @Option(names = "--flight", defaultValue = "127.0.0.1:50051", description = "Arrow Flight SQL address (default: ${DEFAULT-VALUE}).")
    String flight;

    @Option(names = "--metrics", defaultValue = "127.0.0.1:9090", description = "Prometheus metrics address (default: ${DEFAULT-VALUE}).")
    String metrics;

    @Option(names = "--open_telemetry", defaultValue = "127.0.0.1:50052", description = "OpenTelemetry receiver address (default: ${DEFAULT-VALUE}).")
    String openTelemetry;

    @Option(names = "--flight-max-message-size", defaultValue = "100MiB",
            description = "Largest message a Flight client may send, e.g. 100MiB, 512KiB (default: ${DEFAULT-VALUE}).")
    String flightMaxMessageSize;

    @Option(names = "--shutdown-grace-period", defaultValue = "30s",
            description = "On SIGTERM, how long running queries may take to finish (default: ${DEFAULT-VALUE}).")
    String shutdownGracePeriod;

    @Option(names = "--data-dir", description = "Folder for file-mode accelerations (default: .spice/data beside the spicepod).")
    Path dataDir;

    @Option(names = "--plugins-dir", description = "Folder watched for plugin bundles (default: <home>/plugins).")
    Path pluginsDir;

    @Option(names = "--tls-enabled", arity = "1", paramLabel = "true|false",
            description = "Serve HTTP and Flight over TLS; false turns TLS off even if the spicepod or other flags ask for it.")
    Boolean tlsEnabled;

    @Option(names = "--tls-certificate-file", paramLabel = "FILE", description = "PEM certificate chain for TLS (turns TLS on).")
    Path tlsCertificateFile;

    @Option(names = "--tls-key-file", paramLabel = "FILE", description = "PEM (PKCS#8) private key for TLS (turns TLS on).")
    Path tlsKeyFile;

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "text|json",
            description = "Log lines as text or as JSON objects for log collectors (default: ${DEFAULT-VALUE}).")
    String logFormat;

    @Option(names = {"-v", "--verbose"}, description = "More logging (-v debug, -vv trace).")
    boolean[] verbose = new boolean[0];

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("paprika.home", ".")).toAbsolutePath().normalize();
        if (!LogFormat.apply(logFormat, home)) {
            return 2;
        }
        if (verbose.length > 0) {
            ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.paprika");
            root.setLevel(verbose.length > 1 ? Level.TRACE : Level.DEBUG);
        }
        RuntimeOptions options;
        try {
            options = new RuntimeOptions(Optional.ofNullable(spicepod), HostPort.parse(http), HostPort.parse(flight),
                    HostPort.parse(metrics), HostPort.parse(openTelemetry), home,
                    pluginsDir != null ? pluginsDir : home.resolve("plugins"), Optional.ofNullable(dataDir),
                    ByteSizes.parse(flightMaxMessageSize, "--flight-max-message-size"),
                    io.paprika.kernel.config.Durations.parse(shutdownGracePeriod).orElseThrow(
                            () -> new IllegalArgumentException("--shutdown-grace-period `" + shutdownGracePeriod
                                    + "` is not a duration (such as 30s or 2m)")),
                    new TlsFlags(Optional.ofNullable(tlsEnabled), Optional.ofNullable(tlsCertificateFile),
                            Optional.ofNullable(tlsKeyFile)));
        } catch (IllegalArgumentException e) {
            System.err.println("spiced: " + e.getMessage());
            return 2;
        }
        Paprika runtime = new Paprika(options);
        try {
            runtime.start();
        } catch (ConfigException e) {
            System.err.println("spiced: " + SecretMask.mask(e.getMessage()));
            runtime.close();
            return 1;
        } catch (Exception | LinkageError e) {
            // A broken installation (a missing jar) must end the process, not leave it half started.
            System.err.println("spiced: cannot start: " + SecretMask.mask(String.valueOf(e.getMessage())));
            LoggerFactory.getLogger(Main.class).debug("start-up failure", e);
            runtime.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Optional<ClassDataArchive> archive = ClassDataArchive.requested();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            archive.ifPresent(ClassDataArchive::write);
            stopped.countDown();
        }, "paprika-shutdown"));
        exitCleanlyOn("TERM", "INT");
        stopped.await();
        return 0;
    }

    /**
     * SIGTERM is the normal way to stop a replica: it exits 0 (not 143) through {@code System.exit},
     * which runs the shutdown hook (and so the class data archive's write) and then lets the JVM
     * delete its temporary files; halting from the hook, as before, left them in the temp folder.
     * A signal the JVM may not handle (all of them under {@code -Xrs}) keeps its default; returns
     * whether every one was taken.
     */
    static boolean exitCleanlyOn(String... signals) {
        boolean all = true;
        for (String name : signals) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(0));
            } catch (IllegalArgumentException e) {
                LoggerFactory.getLogger(Main.class).debug("SIG{} keeps its default handling: {}", name,
                        e.getMessage());
                all = false;
            }
        }
        return all;
    }

    /** The version from the jar manifest (set at build time). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"spiced (Paprika) " + (v == null ? "dev" : v)};
        }
    }
}

package io.paprika.kernel.plugin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Felix framework: installs the long-lived library bundles of {@code system/} (SCR,
 * File Install, DuckDB and its Arrow fragment) and lets File Install watch {@code plugins/}.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Path systemDir;
    private final Path pluginsDir;
    private final Path cacheDir;
    private Framework framework;

    public PluginHost(Path systemDir, Path pluginsDir) throws IOException {
        this.systemDir = requireNonNull(systemDir, "systemDir");
        this.pluginsDir = requireNonNull(pluginsDir, "pluginsDir");
        // One cache per process: replicas on one machine must not share it.
        this.cacheDir = Files.createTempDirectory("paprika-felix-");
    }

    public BundleContext start() throws BundleException, IOException {
        if (!Files.isDirectory(systemDir)) {
            throw new BundleException("the system bundle folder " + systemDir + " does not exist");
        }
        Files.createDirectories(pluginsDir);
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cacheDir.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.fromClassPath());
        config.put("felix.log.level", "1");
        config.put("felix.fileinstall.dir", pluginsDir.toAbsolutePath().toString());
        config.put("felix.fileinstall.poll", "500");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.bundles.new.start", "true");
        config.put("felix.fileinstall.filter", ".*\\.jar");
        config.put("felix.fileinstall.log.level", "2");
        config.put("ds.loglevel", "warn");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new BundleException("no OSGi framework on the class path"));
        framework = factory.newFramework(config);
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(systemDir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted(Comparator.naturalOrder()).toList()) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
        }
        framework.start();
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        LOG.debug("Felix started with {} system bundles; watching {}", installed.size(), pluginsDir);
        return context;
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    /**
     * Waits until File Install has installed every jar now in {@code plugins/} and each has left
     * the INSTALLED state (started, or failed to resolve), so start-up sees the plugins present.
     */
    public void awaitPlugins(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<String> expected;
        try (Stream<Path> jars = Files.list(pluginsDir)) {
            expected = jars.filter(p -> p.toString().endsWith(".jar")).map(p -> p.getFileName().toString()).toList();
        }
        while (System.currentTimeMillis() < deadline) {
            int settled = 0;
            for (String name : expected) {
                for (Bundle b : framework.getBundleContext().getBundles()) {
                    if (b.getLocation().endsWith("/" + name) && b.getState() != Bundle.INSTALLED
                            && b.getState() != Bundle.STARTING) {
                        settled++;
                        break;
                    }
                }
            }
            if (settled >= expected.size()) {
                return;
            }
            Thread.sleep(50);
        }
        LOG.warn("plugins/ not settled after {} ms; continuing", timeoutMillis);
    }

    @Override
    public void close() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
        try (Stream<Path> files = Files.walk(cacheDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

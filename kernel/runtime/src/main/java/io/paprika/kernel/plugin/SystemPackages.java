package io.paprika.kernel.plugin;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes {@code org.osgi.framework.system.packages.extra}: the kernel classpath packages that
 * bundles may import (the SPI, Arrow, SLF4J, the OSGi component API), each with a version. Jars
 * that carry an {@code Export-Package} header keep its versions; Arrow's jars carry none, so their
 * packages get the version in the jar's file name.
 */
public final class SystemPackages {
    /** The SPI's package version; must match {@code io/paprika/spi/package-info.java}. */
    public static final String SPI_VERSION = "1.4.0";

    private static final List<String> EXPORTED_JARS = List.of("paprika-spi", "arrow-vector", "arrow-memory-core",
            "arrow-c-data", "arrow-format", "arrow-jdbc", "slf4j-api", "org.osgi.service.component",
            "org.osgi.util.promise", "org.osgi.util.function");
    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-(\\d+(?:\\.\\d+){0,2})(?:[.-].*)?\\.jar");
    private static final Pattern SPI_CLASSES = Pattern.compile(".*[/\\\\]spi[/\\\\]target[/\\\\]classes[/\\\\]?");

    private SystemPackages() {
    }

    /** Reads the JVM's class path; every wanted jar must be found, or the kernel cannot host plugins. */
    public static String fromClassPath() {
        Map<String, java.util.Set<String>> exports = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            try {
                if (f.isDirectory() && SPI_CLASSES.matcher(entry).matches()) {
                    add(exports, "io.paprika.spi", SPI_VERSION); // running from the build tree (tests)
                } else if (f.isFile()) {
                    addJar(f, exports);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + f + " on the class path: " + e.getMessage(), e);
            }
        }
        if (!exports.containsKey("io.paprika.spi") || !exports.containsKey("org.apache.arrow.vector")) {
            throw new IllegalStateException("the SPI and Arrow jars must be on the kernel class path; found only "
                    + exports.keySet());
        }
        List<String> clauses = new ArrayList<>();
        // A package may be exported at several versions (slf4j 2 also exports itself as 1.7).
        exports.forEach((pkg, versions) -> versions.forEach(v -> clauses.add(pkg + ";version=\"" + v + "\"")));
        return String.join(",", clauses);
    }

    private static void addJar(File jar, Map<String, java.util.Set<String>> exports) throws IOException {
        Matcher m = VERSIONED_JAR.matcher(jar.getName());
        if (!m.matches() || !EXPORTED_JARS.contains(m.group(1))) {
            return;
        }
        try (JarFile jf = new JarFile(jar)) {
            Manifest mf = jf.getManifest();
            String header = mf == null ? null : mf.getMainAttributes().getValue("Export-Package");
            if (header != null) {
                parseExportPackage(header).forEach((pkg, versions) -> versions.forEach(v -> add(exports, pkg, v)));
                return;
            }
            String version = m.group(1).equals("paprika-spi") ? SPI_VERSION : m.group(2);
            for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                int slash = name.lastIndexOf('/');
                if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                    add(exports, name.substring(0, slash).replace('/', '.'), version);
                }
            }
        }
    }

    private static void add(Map<String, java.util.Set<String>> exports, String pkg, String version) {
        exports.computeIfAbsent(pkg, k -> new java.util.TreeSet<>()).add(version);
    }

    /** Package names and versions of an {@code Export-Package} header (attributes other than version ignored). */
    static Map<String, java.util.Set<String>> parseExportPackage(String header) {
        Map<String, java.util.Set<String>> out = new TreeMap<>();
        for (String clause : splitOutsideQuotes(header, ',')) {
            List<String> packages = new ArrayList<>();
            String version = "0.0.0";
            for (String part : splitOutsideQuotes(clause, ';')) {
                String p = part.trim();
                if (p.startsWith("version=")) {
                    version = p.substring("version=".length()).replace("\"", "").trim();
                } else if (!p.contains("=")) {
                    packages.add(p);
                }
            }
            for (String pkg : packages) {
                add(out, pkg, version);
            }
        }
        return out;
    }

    private static List<String> splitOutsideQuotes(String s, char sep) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == sep && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            parts.add(cur.toString());
        }
        return parts;
    }
}

package io.paprika.kernel;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class data sharing archive {@code bin/spiced} asks for when it has none for this JVM and these
 * jars ({@code -Dpaprika.cds.archive}, with {@code -XX:+RecordDynamicDumpInfo}): written once, at a
 * clean stop, so later starts map the classes this run loaded instead of loading them again.
 *
 * <p>The JVM writes to a file of this process's own and the finished file is moved into place, so
 * replicas sharing a home that stop together never leave a half-written archive under the real name.
 */
final class ClassDataArchive {
    static final String PROPERTY = "paprika.cds.archive";
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);

    private final Path target;

    ClassDataArchive(Path target) {
        this.target = requireNonNull(target, "target").toAbsolutePath();
    }

    /** The archive the launcher asked this run to write, if any. */
    static Optional<ClassDataArchive> requested() {
        String path = System.getProperty(PROPERTY, "");
        return path.isBlank() ? Optional.empty() : Optional.of(new ClassDataArchive(Path.of(path)));
    }

    /**
     * Has the JVM dump the classes loaded so far, then moves the file into place and removes archives
     * made for other JVMs or jars. Never throws: without an archive the next start is only slower.
     */
    boolean write() {
        Path partial = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        long start = System.nanoTime();
        try {
            String output = dump(partial);
            if (!Files.isRegularFile(partial)) {
                LOG.info("No class data archive written (the JVM said: {}); later starts load every class",
                        output == null ? "" : output.strip().replace("\n", " "));
                return false;
            }
            if (!opens(partial)) {
                LOG.info("The class data archive {} did not open in a test JVM; not kept", partial);
                return false;
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            removeOthers();
            LOG.info("Wrote class data archive {} in {} ms; later starts map these classes instead of loading them",
                    target, (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (Exception | LinkageError e) {
            LOG.info("No class data archive written ({}); later starts load every class", e.toString());
            return false;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // it was never written
            }
        }
    }

    /**
     * The JVM's {@code VM.cds dynamic_dump}; its line about the file goes to stderr rather than into
     * the log on stdout, which may be JSON a collector parses.
     */
    private static String dump(Path file) throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[] {new String[] {"dynamic_dump", file.toString()}},
                    new String[] {String[].class.getName()});
        } finally {
            System.setOut(out);
        }
    }

    /**
     * Whether this JVM starts with the archive, which it must map or fail ({@code -Xshare:on}). A cut
     * short archive would not just be ignored: the JVM crashes (SIGBUS) on every start that maps it.
     */
    static boolean opens(Path archive) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process check = new ProcessBuilder(java.toString(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-cp", System.getProperty("java.class.path"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!check.waitFor(30, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            return false;
        }
        return check.exitValue() == 0;
    }

    /**
     * Archives of an earlier JVM or jar set in the same folder are never mapped again, and partial
     * files of processes that were killed while writing are never finished.
     */
    private void removeOthers() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(), "spiced-*.jsa*")) {
            for (Path other : files) {
                String name = other.getFileName().toString();
                boolean archive = name.endsWith(".jsa") && !other.equals(target);
                if (archive || (name.endsWith(".tmp") && !writerAlive(name))) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    /** Whether the process named in a partial file's name ({@code spiced-KEY.jsa.PID.tmp}) still runs. */
    private static boolean writerAlive(String partialName) {
        String[] parts = partialName.split("\\.");
        try {
            return parts.length == 4 && ProcessHandle.of(Long.parseLong(parts[2])).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

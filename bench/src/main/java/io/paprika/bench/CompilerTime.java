package io.paprika.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Time the JIT compilers of the runtime and of the harness have spent so far, so a warm-up can go on
 * until both have settled: a lookup measured while either JVM still compiles its call path pays for
 * that compilation on the two shared cores.
 */
final class CompilerTime {
    /** Linux's USER_HZ: /proc gives thread CPU times in ticks of 10 ms. */
    private static final long MS_PER_TICK = 10;
    /** This JVM, the harness, whose compilers count as much as the runtime's. */
    private static final long HARNESS = ProcessHandle.current().pid();

    private CompilerTime() {
    }

    /**
     * CPU milliseconds of a JVM's compiler threads (HotSpot names them "C1 CompilerThread0",
     * "C2 CompilerThread1", ...), from /proc; empty where /proc cannot tell (not Linux, process gone).
     * A compiler thread the JVM stopped since takes its time with it, so a difference of two readings
     * can miss an idle thread's last work, never count work twice.
     */
    static OptionalLong ofProcess(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                ticks += compilerTicks(task);
            }
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ticks * MS_PER_TICK);
    }

    /** Starts a window over which both JVMs' compiler time is measured. */
    static Window window(long runtimePid) {
        return new Window(runtimePid, ofProcess(runtimePid), ofProcess(HARNESS), System.nanoTime());
    }

    /**
     * Compiler time of both JVMs from its start to now, in milliseconds; -1 for a JVM whose time
     * cannot be read, which counts as settled (the warm-up then stops at its minimum).
     */
    record Window(long runtimePid, OptionalLong runtimeStart, OptionalLong harnessStart, long startNanos) {
        /** Compilers busy for at most this share of the window's wall time count as settled. */
        static final double SETTLED_SHARE = 0.05;

        long runtimeMillis() {
            return since(runtimeStart, ofProcess(runtimePid));
        }

        long harnessMillis() {
            return since(harnessStart, ofProcess(HARNESS));
        }

        /** Whether neither JVM's compilers took more than {@link #SETTLED_SHARE} of the time since the start. */
        boolean settled() {
            double limit = SETTLED_SHARE * (System.nanoTime() - startNanos) / 1e6;
            return runtimeMillis() <= limit && harnessMillis() <= limit;
        }

        private static long since(OptionalLong start, OptionalLong now) {
            return start.isPresent() && now.isPresent() ? Math.max(0, now.getAsLong() - start.getAsLong()) : -1;
        }
    }

    private static long compilerTicks(Path task) throws IOException {
        try {
            String name = Files.readString(task.resolve("comm")); // cut to 15 characters
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            // Fields after the command's closing parenthesis: state is the 1st, utime the 12th, stime the 13th.
            String stat = Files.readString(task.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (NoSuchFileException e) {
            return 0; // the thread ended between listing and reading
        }
    }
}

package io.paprika.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompilerTimeTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void readsTheCompilerThreadsOfARunningJvm() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        // This JVM compiled JUnit and the test classes before getting here: far more than one 10 ms tick.
        long ms = CompilerTime.ofProcess(SELF).orElseThrow();
        assertTrue(ms >= 10, "compiler CPU of this JVM read from /proc: " + ms + " ms");
    }

    @Test
    void aProcessThatIsGoneHasNoReading() {
        long gone = Long.MAX_VALUE; // above any pid the kernel hands out
        assertTrue(CompilerTime.ofProcess(gone).isEmpty());
        CompilerTime.Window window = CompilerTime.window(gone);
        assertEquals(-1, window.runtimeMillis(), "unknown, not zero");
    }

    @Test
    void aWindowCountsOnlyTheCompilationInsideIt() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        CompilerTime.Window window = CompilerTime.window(SELF);
        long before = CompilerTime.ofProcess(SELF).orElseThrow();
        Thread.sleep(200);
        long inside = window.runtimeMillis();
        assertTrue(inside >= 0 && inside <= CompilerTime.ofProcess(SELF).orElseThrow() - before + 30,
                "only what was compiled since the window began: " + inside + " ms");
        assertTrue(window.harnessMillis() >= 0, "this JVM is the harness here, and readable");
    }
}

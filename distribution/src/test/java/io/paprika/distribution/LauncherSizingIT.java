package io.paprika.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/spiced sizes the JVM from the container memory limit, caps the young generation and asks for
 * transparent huge pages where the kernel offers them. Runs the real launcher and JVM with
 * {@code --version} and reads the flags the JVM ended up with (-XX:+PrintFlagsFinal); the cgroup
 * limit comes from a folder laid out like /sys/fs/cgroup (SPICED_CGROUP_DIR), the kernel's huge
 * page setting from SPICED_THP_FILE.
 */
class LauncherSizingIT {
    static final long MIB = 1024 * 1024;

    @Test
    void cgroupV2LimitGivesHalfTheHeapAndAQuarterToDirectMemory(@TempDir Path cgroup) throws Exception {
        Files.writeString(cgroup.resolve("memory.max"), (2048 * MIB) + "\n");
        Map<String, String> flags = jvmFlags(Map.of("SPICED_CGROUP_DIR", cgroup.toString()));
        assertEquals("50.000000", flags.get("MaxRAMPercentage"));
        assertEquals(String.valueOf(512 * MIB), flags.get("MaxDirectMemorySize"));
    }

    @Test
    void cgroupV1LimitAndEnvironmentOverrides(@TempDir Path cgroup) throws Exception {
        Files.createDirectories(cgroup.resolve("memory"));
        Files.writeString(cgroup.resolve("memory/memory.limit_in_bytes"), String.valueOf(1000 * MIB));
        Map<String, String> flags = jvmFlags(Map.of("SPICED_CGROUP_DIR", cgroup.toString(),
                "SPICED_HEAP_PERCENT", "60", "SPICED_DIRECT_PERCENT", "10"));
        assertEquals("60.000000", flags.get("MaxRAMPercentage"));
        assertEquals(String.valueOf(100 * MIB), flags.get("MaxDirectMemorySize"));
        flags = jvmFlags(Map.of("SPICED_CGROUP_DIR", cgroup.toString(), "SPICED_DIRECT_MEMORY", "300m"));
        assertEquals(String.valueOf(300 * MIB), flags.get("MaxDirectMemorySize"));
    }

    @Test
    void javaOptsComeLastAndWin(@TempDir Path cgroup) throws Exception {
        Files.writeString(cgroup.resolve("memory.max"), String.valueOf(2048 * MIB));
        Map<String, String> flags = jvmFlags(Map.of("SPICED_CGROUP_DIR", cgroup.toString(),
                "JAVA_OPTS", "-XX:MaxDirectMemorySize=7m -XX:MaxRAMPercentage=33"));
        assertEquals(String.valueOf(7 * MIB), flags.get("MaxDirectMemorySize"));
        assertEquals("33.000000", flags.get("MaxRAMPercentage"));
    }

    @Test
    void noLimitLeavesTheJvmDefaults(@TempDir Path cgroup) throws Exception {
        Files.writeString(cgroup.resolve("memory.max"), "max\n");
        Map<String, String> flags = jvmFlags(Map.of("SPICED_CGROUP_DIR", cgroup.toString()));
        assertEquals("{default}", flags.get("MaxRAMPercentage.origin"));
        assertEquals("{default}", flags.get("MaxDirectMemorySize.origin"));
        // cgroup v1 says "no limit" with a number near 2^63.
        Files.delete(cgroup.resolve("memory.max"));
        Files.createDirectories(cgroup.resolve("memory"));
        Files.writeString(cgroup.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");
        flags = jvmFlags(Map.of("SPICED_CGROUP_DIR", cgroup.toString()));
        assertEquals("{default}", flags.get("MaxDirectMemorySize.origin"));
    }

    @Test
    void hugePagesAreAskedForWhereTheKernelHandsThemOutOnRequestOrAlways(@TempDir Path dir) throws Exception {
        Path setting = dir.resolve("enabled");
        Files.writeString(setting, "always [madvise] never\n");
        // The origin, not the value: a JVM on a kernel without huge pages turns the flag back off.
        assertEquals("{command line}", jvmFlags(Map.of("SPICED_THP_FILE", setting.toString()))
                .get("UseTransparentHugePages.origin"));
        Files.writeString(setting, "[always] madvise never\n");
        assertEquals("{command line}", jvmFlags(Map.of("SPICED_THP_FILE", setting.toString()))
                .get("UseTransparentHugePages.origin"));
        Files.writeString(setting, "always madvise [never]\n");
        assertEquals("{default}", jvmFlags(Map.of("SPICED_THP_FILE", setting.toString()))
                .get("UseTransparentHugePages.origin"));
        Files.writeString(setting, "always [madvise] never\n");
        assertEquals("{default}", jvmFlags(Map.of("SPICED_THP_FILE", setting.toString(), "SPICED_THP", "off"))
                .get("UseTransparentHugePages.origin"));
        assertEquals("{default}", jvmFlags(Map.of("SPICED_THP_FILE", dir.resolve("missing").toString()))
                .get("UseTransparentHugePages.origin"));
    }

    @Test
    void theYoungGenerationIsCappedUnlessTurnedOff() throws Exception {
        Map<String, String> flags = jvmFlags(Map.of());
        assertEquals(String.valueOf(512 * MIB), flags.get("MaxNewSize"));
        assertEquals("{command line}", flags.get("MaxNewSize.origin"));
        assertEquals(String.valueOf(1024 * MIB), jvmFlags(Map.of("SPICED_YOUNG_MAX", "1g")).get("MaxNewSize"));
        // JAVA_OPTS comes after the cap, so a user's own young size wins.
        assertEquals(String.valueOf(300 * MIB), jvmFlags(Map.of("JAVA_OPTS", "-Xmn300m")).get("MaxNewSize"));
        assertNotEquals("{command line}", jvmFlags(Map.of("SPICED_YOUNG_MAX", "off")).get("MaxNewSize.origin"));
        Result r = launch(Map.of("SPICED_YOUNG_MAX", "big"));
        assertEquals(2, r.exit());
        assertTrue(r.output().contains("SPICED_YOUNG_MAX must be a JVM size such as 512m or 1g, or off, not 'big'"),
                r.output());
    }

    /**
     * The JVM does not report its environment, so a stand-in {@code java} (JAVA_HOME) prints the
     * GLIBC_TUNABLES it was started with; the launcher's own logic is what runs for real.
     */
    @Test
    void mallocKeepsFreedBlocksUnlessTheUserTunesGlibcThemselves(@TempDir Path javaHome) throws Exception {
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"tunables=[${GLIBC_TUNABLES-unset}]\"\n");
        assertTrue(java.toFile().setExecutable(true));
        Result r = launch(Map.of("JAVA_HOME", javaHome.toString()));
        assertTrue(r.output().contains(
                "tunables=[glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456]"), r.output());
        r = launch(Map.of("JAVA_HOME", javaHome.toString(), "GLIBC_TUNABLES", "glibc.malloc.arena_max=2"));
        assertTrue(r.output().contains("tunables=[glibc.malloc.arena_max=2]"), r.output());
        r = launch(Map.of("JAVA_HOME", javaHome.toString(), "GLIBC_TUNABLES", ""));
        assertTrue(r.output().contains("tunables=[]"), r.output());
    }

    @Test
    void aBadPercentStopsWithAMessage() throws Exception {
        Result r = launch(Map.of("SPICED_HEAP_PERCENT", "half"));
        assertEquals(2, r.exit());
        assertTrue(r.output().contains("SPICED_HEAP_PERCENT must be a whole number from 1 to 99, not 'half'"), r.output());
    }

    private record Result(int exit, String output) {}

    /** The launcher's flags the JVM ran with, and for each "NAME.origin" where the value came from. */
    private static Map<String, String> jvmFlags(Map<String, String> env) throws Exception {
        Map<String, String> withPrint = new HashMap<>(env);
        withPrint.put("JAVA_OPTS", "-XX:+PrintFlagsFinal " + env.getOrDefault("JAVA_OPTS", ""));
        Result r = launch(withPrint);
        assertEquals(0, r.exit(), r.output());
        Map<String, String> flags = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*\\S+\\s+(MaxRAMPercentage|MaxDirectMemorySize|UseTransparentHugePages|MaxNewSize)\\s+=\\s+(\\S+)\\s+\\{[^}]+\\}\\s+(\\{[^}]+\\})")
                .matcher(r.output());
        while (m.find()) {
            flags.put(m.group(1), m.group(2));
            flags.put(m.group(1) + ".origin", m.group(3));
        }
        assertEquals(8, flags.size(), "all four flags printed: " + r.output());
        return flags;
    }

    private static Result launch(Map<String, String> env) throws Exception {
        Path launcher = Path.of(System.getProperty("paprika.dist"), "bin", "spiced");
        ProcessBuilder pb = new ProcessBuilder(List.of(launcher.toString(), "--version")).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("SPICED_") || k.equals("JAVA_OPTS")
                || k.equals("GLIBC_TUNABLES"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher did not finish");
        return new Result(p.exitValue(), output);
    }
}

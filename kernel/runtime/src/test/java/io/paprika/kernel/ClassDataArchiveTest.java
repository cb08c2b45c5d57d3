package io.paprika.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's failure paths; bin/spiced's ClassDataSharingIT covers a real write and a mapped start. */
class ClassDataArchiveTest {

    @Test
    void aCutShortArchiveIsNotKept(@TempDir Path dir) throws Exception {
        // What an interrupted write leaves: the JVM would crash mapping it rather than ignore it.
        Path cut = dir.resolve("spiced-1.jsa");
        Files.write(cut, new byte[64 * 1024]);
        assertFalse(ClassDataArchive.opens(cut));
    }

    @Test
    void aJvmNotRecordingWritesNothingAndLeavesNoPartialFile(@TempDir Path dir) throws Exception {
        // This test JVM runs without -XX:+RecordDynamicDumpInfo, so the JVM refuses the dump.
        ClassDataArchive archive = new ClassDataArchive(dir.resolve("spiced-1.jsa"));
        assertFalse(archive.write());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }
}

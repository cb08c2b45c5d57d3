package io.paprika.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteSizesTest {
    @Test
    void parsesPlainAndBinaryUnits() {
        assertEquals(100 << 20, ByteSizes.parse("100MiB", "--x"));
        assertEquals(512 << 10, ByteSizes.parse("512 KiB", "--x"));
        assertEquals(1 << 30, ByteSizes.parse("1g", "--x"));
        assertEquals(4096, ByteSizes.parse("4096", "--x"));
    }

    @Test
    void rejectsNonSizesNamingTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("lots", "--flight-max-message-size"));
        assertTrue(e.getMessage().startsWith("--flight-max-message-size: `lots` is not a size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("4GiB", "--x"));
    }
}

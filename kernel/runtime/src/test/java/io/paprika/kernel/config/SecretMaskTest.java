package io.paprika.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
    @Test
    void masksLongestValuesFirstAndLeavesShortOnesAlone() {
        assertEquals("a ******** b ******** c", SecretMask.mask("a hunter2-long b hunter2 c", Set.of("hunter2", "hunter2-long")));
        assertEquals("id=abc", SecretMask.mask("id=abc", Set.of("abc")));
    }
}

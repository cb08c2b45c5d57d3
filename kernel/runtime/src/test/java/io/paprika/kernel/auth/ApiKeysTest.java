package io.paprika.kernel.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void acceptsEveryKeyAndNothingElse() {
        ApiKeys keys = new ApiKeys(List.of("first-key", "second-key"));
        assertTrue(keys.matches("first-key"));
        assertTrue(keys.matches("second-key"));
        assertFalse(keys.matches("first-ke"), "a prefix is not the key");
        assertFalse(keys.matches("first-key "), "nor a longer string");
        assertFalse(keys.matches("FIRST-KEY"), "keys are case-sensitive");
        assertFalse(keys.matches(""));
        assertFalse(keys.matches(null));
    }

    @Test
    void refusesNoKeysOrEmptyKeys() {
        assertThrows(IllegalArgumentException.class, () -> new ApiKeys(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ApiKeys(List.of("ok-key", "")));
    }
}

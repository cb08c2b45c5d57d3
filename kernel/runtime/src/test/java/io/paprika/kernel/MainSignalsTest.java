package io.paprika.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** A signal the JVM refuses to hand over (as every one under -Xrs) must not stop a started runtime. */
class MainSignalsTest {
    @Test
    void aRefusedSignalKeepsItsDefaultInsteadOfFailing() {
        // SIGKILL can never be handled: the same refusal -Xrs gives for SIGTERM and SIGINT.
        assertFalse(Main.exitCleanlyOn("KILL"));
    }
}

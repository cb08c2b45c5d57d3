package io.paprika.spi.testing;

import io.paprika.spi.Accelerator;

/** How a test starts (creates and activates) and stops (deactivates) one engine. */
public interface EngineLifecycle<E extends Accelerator> {
    E start() throws Exception;

    void stop(E engine);
}

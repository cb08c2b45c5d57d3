package io.paprika.accel.memory;

import io.paprika.spi.testing.EngineLifecycle;

/** Starts each test's engine as the bundle would: a new {@link MemoryAccelerator}, activated. */
final class MemoryLifecycle implements EngineLifecycle<MemoryAccelerator> {
    @Override
    public MemoryAccelerator start() throws Exception {
        MemoryAccelerator engine = new MemoryAccelerator();
        engine.activate();
        return engine;
    }

    @Override
    public void stop(MemoryAccelerator engine) {
        engine.deactivate();
    }
}

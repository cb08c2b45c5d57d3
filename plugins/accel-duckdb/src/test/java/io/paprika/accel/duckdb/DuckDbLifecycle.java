package io.paprika.accel.duckdb;

import io.paprika.spi.testing.EngineLifecycle;

/** Starts each test's engine as the bundle would: a new {@link DuckDbAccelerator}, activated. */
final class DuckDbLifecycle implements EngineLifecycle<DuckDbAccelerator> {
    @Override
    public DuckDbAccelerator start() throws Exception {
        DuckDbAccelerator engine = new DuckDbAccelerator();
        engine.activate();
        return engine;
    }

    @Override
    public void stop(DuckDbAccelerator engine) {
        engine.deactivate();
    }
}

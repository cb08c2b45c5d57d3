package io.paprika.spi.testing;

import io.paprika.spi.Accelerator;
import org.junit.jupiter.api.BeforeEach;

/** An {@link AcceleratorFixture} with table {@code items} holding {@link TestRows} ids 0..99 before each test. */
public abstract class ItemsFixture<E extends Accelerator> extends AcceleratorFixture<E> {
    protected ItemsFixture(EngineLifecycle<E> lifecycle) {
        super(lifecycle);
    }

    @BeforeEach
    void loadItems() throws Exception {
        load(engine.attach(memory("items", java.util.List.of())), 0, 100, 30);
    }
}

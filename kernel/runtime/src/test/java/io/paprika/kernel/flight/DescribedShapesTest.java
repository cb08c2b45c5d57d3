package io.paprika.kernel.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.paprika.spi.QueryShape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class DescribedShapesTest {
    private final List<String> described = new ArrayList<>();
    private final AtomicReference<Runnable> duringDescribe = new AtomicReference<>(() -> { });

    private QueryShape describe(String sql) {
        described.add(sql);
        duringDescribe.get().run();
        return new QueryShape(new Schema(List.of(Field.nullable("c" + described.size(), new ArrowType.Int(64, true)))),
                new Schema(List.of()));
    }

    @Test
    void keepsAShapeByTextUntilADatasetChanges() {
        DescribedShapes shapes = new DescribedShapes(this::describe);
        QueryShape first = shapes.of("SELECT a FROM t");
        assertSame(first, shapes.of("SELECT a FROM t"));
        shapes.of("SELECT b FROM t");
        assertEquals(List.of("SELECT a FROM t", "SELECT b FROM t"), described);

        shapes.datasetChanged("t");
        QueryShape after = shapes.of("SELECT a FROM t");
        assertEquals("c3", after.result().getFields().get(0).getName(), "described anew after the change");
        assertSame(after, shapes.of("SELECT a FROM t"));
    }

    @Test
    void preparingDescribesAfreshAndAShapeDescribedAcrossAChangeIsNotKept() {
        DescribedShapes shapes = new DescribedShapes(this::describe);
        shapes.of("SELECT a FROM t");
        shapes.prepare("SELECT a FROM t");
        assertEquals(2, described.size());

        shapes.datasetChanged("t");
        duringDescribe.set(() -> shapes.datasetChanged("t"));
        shapes.of("SELECT a FROM t");
        duringDescribe.set(() -> { });
        shapes.of("SELECT a FROM t");
        assertEquals(4, described.size(), "the shape described while t changed was not kept");
        shapes.of("SELECT a FROM t");
        assertEquals(4, described.size());
    }
}

package io.paprika.accel.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.AcceleratedTable;
import io.paprika.spi.AccelerationException;
import io.paprika.spi.LocalFileQuery;
import io.paprika.spi.TableSpec;
import io.paprika.spi.testing.AcceleratorFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A replace where DuckDB reads the source file itself, as the file connectors offer it. */
class DuckDbFileQueryTest extends AcceleratorFixture<DuckDbAccelerator> {
    DuckDbFileQueryTest() {
        super(new DuckDbLifecycle());
    }

    /** The connector's side: a read of one CSV file, explaining failures in its own words. */
    private record CsvRead(Path file) implements LocalFileQuery {
        @Override
        public String sql() {
            return "SELECT * FROM read_csv('" + file + "', header = true)";
        }

        @Override
        public String explain(SQLException failure) {
            return "cannot read the test file: " + failure.getMessage();
        }
    }

    private CsvRead csv(String name, String text) throws Exception {
        return new CsvRead(Files.writeString(dataDir.resolve(name), text));
    }

    @Test
    void theEngineReadsTheFileItselfInMemoryAndFileTables() throws Exception {
        CsvRead three = csv("three.csv", "id,name\n1,a\n2,b\n3,c\n");
        for (String mode : List.of("memory", "file")) {
            String name = "t_" + mode;
            AcceleratedTable t = engine.attach(new TableSpec(name, mode, Map.of(), List.of("id"), dataDir));
            assertEquals(OptionalLong.of(3), t.replace(three), mode);
            assertEquals(List.of(List.of(1L, "a"), List.of(2L, "b"), List.of(3L, "c")),
                    rows("SELECT id, name FROM " + name + " ORDER BY id"), mode);
            assertEquals(OptionalLong.of(1), t.replace(csv(name + ".csv", "id,name\n9,z\n")), mode);
            assertEquals(List.of(List.of(9L, "z")), rows("SELECT id, name FROM " + name), mode);
        }
    }

    @Test
    void aBadFileIsExplainedByTheConnectorAndTheOldRowsStay() throws Exception {
        AcceleratedTable t = engine.attach(memory("t", List.of()));
        t.replace(csv("good.csv", "id,name\n1,a\n"));
        AccelerationException e = assertThrows(AccelerationException.class,
                () -> t.replace(new CsvRead(dataDir.resolve("missing.csv"))));
        assertTrue(e.getMessage().startsWith("cannot read the test file: "), e.getMessage());
        assertEquals(List.of(List.of(1L, "a")), rows("SELECT id, name FROM t"));
    }

    @Test
    void aDuplicateKeyIsTheEnginesErrorNotTheFilesAndTheOldRowsStay() throws Exception {
        AcceleratedTable t = engine.attach(memory("t", List.of("id")));
        t.replace(csv("good.csv", "id,name\n1,a\n"));
        AccelerationException e = assertThrows(AccelerationException.class,
                () -> t.replace(csv("dup.csv", "id,name\n1,a\n1,b\n")));
        assertTrue(e.getMessage().contains("dataset `t`: loading into DuckDB failed")
                && !e.getMessage().contains("test file"), e.getMessage());
        assertEquals(List.of(List.of(1L, "a")), rows("SELECT id, name FROM t"));
    }
}

package io.paprika.connector.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.ArrowStream;
import io.paprika.spi.ScanRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads share one database that outlives them: closing one per scan made the engine's next load fault its memory in. */
class DecoderDatabaseTest {
    @TempDir
    Path dir;

    @AfterEach
    void closeDatabase() {
        DecoderDatabase.close();
    }

    @Test
    void connectionsShareOneDatabase() throws Exception {
        try (Connection a = DecoderDatabase.connect(); Connection b = DecoderDatabase.connect()) {
            execute(a, "CREATE TABLE marker AS SELECT 42 AS v");
            assertTrue(hasMarker(b), "a second read's connection sees the same database");
        }
    }

    @Test
    void aClosedReadLeavesTheDatabaseOpen() throws Exception {
        try (Connection c = DecoderDatabase.connect()) {
            execute(c, "CREATE TABLE marker AS SELECT 42 AS v");
        }
        Path csv = Files.writeString(dir.resolve("p.csv"), "id\n1\n2\n");
        try (RootAllocator allocator = new RootAllocator();
                ArrowStream rows = DuckDbDecoder.decode("d", csv.toString(), csv, "p.csv", Optional.empty(),
                        FormatOptions.defaults(), ScanRequest.all(), allocator)) {
            assertTrue(rows.reader().loadNextBatch());
            assertEquals(2, rows.reader().getVectorSchemaRoot().getRowCount());
        }
        try (Connection c = DecoderDatabase.connect()) {
            assertTrue(hasMarker(c), "the database outlived the read");
        }
    }

    @Test
    void closingTheBundlesDatabaseStartsAFreshOneNextTime() throws Exception {
        try (Connection c = DecoderDatabase.connect()) {
            execute(c, "CREATE TABLE marker AS SELECT 42 AS v");
        }
        DecoderDatabase.close();
        try (Connection c = DecoderDatabase.connect()) {
            assertFalse(hasMarker(c));
        }
    }

    @Test
    void aReadStillRunningWhenTheBundleStopsFinishes() throws Exception {
        try (Connection read = DecoderDatabase.connect()) {
            DecoderDatabase.close();
            try (Statement st = read.createStatement(); ResultSet rs = st.executeQuery("SELECT sum(range) FROM range(1000)")) {
                assertTrue(rs.next());
                assertEquals(499500, rs.getLong(1));
            }
        }
    }

    private static boolean hasMarker(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'marker'")) {
            rs.next();
            return rs.getLong(1) == 1;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

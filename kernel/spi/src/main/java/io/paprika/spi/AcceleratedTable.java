package io.paprika.spi;

import java.util.Optional;
import java.util.OptionalLong;
import org.apache.arrow.vector.ipc.ArrowReader;

/** One dataset's table inside an accelerator. */
public interface AcceleratedTable {

    /**
     * Replaces every row with the rows read from {@code rows}, atomically: a query running meanwhile
     * sees the old rows or the new ones, never a mix or an empty table. The caller closes the reader.
     *
     * @return the number of rows now in the table
     */
    long replace(ArrowReader rows) throws AccelerationException;

    /**
     * Like {@link #replace(ArrowReader)}, with the rows read by the engine itself running
     * {@code rows} (same atomicity). An engine that cannot run a DuckDB query over local files
     * answers empty, and the caller streams the Arrow batches to {@link #replace(ArrowReader)}.
     *
     * @return the number of rows now in the table, or empty when this engine cannot run the query
     * @since 1.4
     */
    default OptionalLong replace(LocalFileQuery rows) throws AccelerationException {
        return OptionalLong.empty();
    }

    /**
     * Adds rows, atomically (all or none). With a primary key, a row whose key is already in the
     * table, or repeated within {@code rows}, is handled per {@code onConflict}; without one, a row
     * identical to one already there (or earlier in {@code rows}) is not added again. Creates the
     * table if it does not exist yet. The caller closes the reader.
     *
     * @return the number of rows now in the table
     */
    long append(ArrowReader rows, ConflictAction onConflict) throws AccelerationException;

    /**
     * The largest value of {@code column} as JDBC returns it (Long, Integer, Double, BigDecimal,
     * String, LocalDate, LocalDateTime, OffsetDateTime...), or empty when the table is empty or
     * does not exist yet.
     */
    Optional<Object> max(String column) throws AccelerationException;

    /**
     * Deletes the rows for which {@code filter} (a SQL boolean expression over the table's
     * columns, PostgreSQL flavour, column names double-quoted) is true.
     *
     * @return the number of rows deleted
     */
    long delete(String filter) throws AccelerationException;

    /** Rows now in the table. */
    long rowCount() throws AccelerationException;

    /** An estimate of the bytes the table takes in the engine. */
    long sizeBytes() throws AccelerationException;

    /**
     * True when the table already holds data from an earlier run (a {@code mode: file} table
     * reopened after a restart).
     */
    default boolean hasData() throws AccelerationException {
        return false;
    }

    /** Forgets the table: removes it from the engine (a file table keeps its file). */
    void detach();
}

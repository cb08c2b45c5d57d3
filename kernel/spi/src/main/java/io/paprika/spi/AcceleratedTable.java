package io.paprika.spi;

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

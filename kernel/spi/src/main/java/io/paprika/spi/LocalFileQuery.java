package io.paprika.spi;

import java.sql.SQLException;

/**
 * A scan's rows as one DuckDB query over local files (such as {@code SELECT * FROM
 * read_parquet('/tmp/download')}), offered beside the Arrow batches. An engine that runs DuckDB can
 * run it itself, inside {@code CREATE TABLE ... AS}, so the file is decoded once, on every core, and
 * never crosses into Arrow. The files stay until the {@link ArrowStream} carrying this is closed.
 */
public interface LocalFileQuery {

    /** A DuckDB {@code SELECT} that reads only local files and yields exactly the stream's rows. */
    String sql();

    /**
     * The message for a failure of {@link #sql()}, as the connector would have reported it: it
     * names the source as the user wrote it (not a temporary file) and what to check.
     */
    String explain(SQLException failure);
}

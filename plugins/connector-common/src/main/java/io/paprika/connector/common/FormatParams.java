package io.paprika.connector.common;

import io.paprika.spi.ParamSpec;
import java.util.List;

/** The format params both file and HTTP connectors declare, so a dataset can move between them unchanged. */
public final class FormatParams {
    public static final String FILE_FORMAT = "file_format";
    public static final String CSV_HAS_HEADER = "csv_has_header";
    public static final String CSV_DELIMITER = "csv_delimiter";
    public static final String CSV_QUOTE = "csv_quote";
    public static final String CSV_ESCAPE = "csv_escape";

    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.of(FILE_FORMAT,
                    "csv, json, ndjson (or jsonl) or parquet; by default taken from the file extension, "
                            + "then the Content-Type, then the first bytes of the content"),
            ParamSpec.withDefault(CSV_HAS_HEADER, "true", "whether the first CSV line holds the column names"),
            ParamSpec.of(CSV_DELIMITER, "CSV field delimiter (\\t for tab); detected when not set"),
            ParamSpec.of(CSV_QUOTE, "CSV quote character; detected when not set"),
            ParamSpec.of(CSV_ESCAPE, "CSV escape character; detected when not set"));

    private FormatParams() {
    }
}

package io.paprika.connector.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.ConnectorException;
import io.paprika.spi.ParamSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FormatOptionsTest {

    @Test
    void defaultsArePinned() throws Exception {
        FormatOptions o = FormatOptions.parse("d", Map.of());
        assertEquals(FormatOptions.defaults(), o);
        assertTrue(o.hasHeader());
        assertEquals(Optional.empty(), o.format());
        assertEquals(Optional.empty(), o.delimiter());
        assertEquals(List.of("file_format", "csv_has_header", "csv_delimiter", "csv_quote", "csv_escape"),
                FormatParams.SPECS.stream().map(ParamSpec::name).collect(Collectors.toList()));
        assertEquals(Optional.of("true"), FormatParams.SPECS.get(1).defaultValue());
        assertFalse(FormatParams.SPECS.stream().anyMatch(ParamSpec::secret));
    }

    @Test
    void parsesValues() throws Exception {
        FormatOptions o = FormatOptions.parse("d", Map.of("file_format", "JSONL", "csv_has_header", "false",
                "csv_delimiter", "\\t", "csv_quote", "'"));
        assertEquals(Optional.of(FileFormat.NDJSON), o.format());
        assertFalse(o.hasHeader());
        assertEquals(Optional.of("\t"), o.delimiter());
        assertEquals(Optional.of("'"), o.quote());
    }

    @Test
    void rejectsBadValuesNamingParamAndDataset() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> FormatOptions.parse("sales", Map.of("file_format", "xlsx")));
        assertEquals("dataset `sales`: param file_format is `xlsx`; use csv, json, ndjson, jsonl or parquet",
                e.getMessage());
        e = assertThrows(ConnectorException.class,
                () -> FormatOptions.parse("sales", Map.of("csv_has_header", "yes please")));
        assertTrue(e.getMessage().contains("csv_has_header"), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void quotesSql() {
        assertEquals("\"my \"\"col\"\"\"", SqlText.identifier("my \"col\""));
        assertEquals("'it''s'", SqlText.literal("it's"));
    }
}

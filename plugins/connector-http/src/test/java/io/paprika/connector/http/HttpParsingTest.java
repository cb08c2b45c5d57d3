package io.paprika.connector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.spi.ParamSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpParsingTest {

    @Test
    void paramsArePinned() {
        assertEquals(List.of("http_username", "http_password", "http_headers", "client_timeout", "http_port",
                "tls_ca_certificate_file", "file_format", "csv_has_header", "csv_delimiter", "csv_quote", "csv_escape"),
                new HttpConnector().params().stream().map(ParamSpec::name).collect(Collectors.toList()));
        assertEquals(List.of("http_password", "http_headers"), new HttpConnector().params().stream()
                .filter(ParamSpec::secret).map(ParamSpec::name).collect(Collectors.toList()));
        assertEquals(Optional.of("30s"), new HttpConnector().params().get(3).defaultValue());
    }

    @Test
    void durations() {
        assertEquals(Optional.of(Duration.ofMillis(500)), Durations.parse("500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), Durations.parse("30s"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), Durations.parse("2m"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), Durations.parse("5"));
        assertEquals(Optional.empty(), Durations.parse("2 fortnights"));
        assertEquals("30s", Durations.format(Duration.ofSeconds(30)));
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
    }

    @Test
    void headers() {
        assertEquals(Optional.of(Map.of("A", "1", "B-C", "x: y")), HeaderList.parse("A: 1; B-C: x: y;"));
        assertEquals(Optional.empty(), HeaderList.parse("no colon"));
        assertEquals(Optional.empty(), HeaderList.parse("bad name: 1"));
    }

    @Test
    void urlsLoseCredentials() throws Exception {
        URI u = URI.create("https://bob:pw@example.com:8443/a%20b/data.csv?token=abc&page=2#frag");
        assertEquals("https://example.com:8443/a%20b/data.csv?token=abc&page=2",
                Urls.withoutUserInfo(u, -1).toString());
        assertEquals("https://example.com:9000/a%20b/data.csv?token=abc&page=2",
                Urls.withoutUserInfo(u, 9000).toString());
        String shown = Urls.redacted(u);
        assertEquals("https://example.com:8443/a%20b/data.csv?token=***&page=2", shown);
        assertTrue(!shown.contains("pw"));
    }
}

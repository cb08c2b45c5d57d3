package io.paprika.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpicepodParserTest {
    @TempDir
    Path dir;

    private Spicepod parse(String yaml, Map<String, String> env) throws Exception {
        Path f = dir.resolve("spicepod.yaml");
        Files.writeString(f, yaml);
        return new SpicepodParser(env, Set.of()).parse(f);
    }

    private ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml, Map.of()));
    }

    @Test
    void fillsSpiceDefaults() throws Exception {
        Spicepod pod = parse("""
                version: v1
                kind: Spicepod
                name: p
                datasets:
                  - from: https://example.com/a.csv
                    name: a
                  - from: file:b.csv
                    name: b-with-dash
                    acceleration:
                      enabled: true
                """, Map.of());
        AccelerationSpec none = pod.datasets().get(0).acceleration();
        assertFalse(pod.datasets().get(0).accelerationGiven());
        assertEquals("arrow", none.engine());
        AccelerationSpec b = pod.datasets().get(1).acceleration();
        assertTrue(b.enabled());
        assertEquals("arrow", b.engine());
        assertEquals("memory", b.mode());
        assertEquals("full", b.refreshMode());
        assertTrue(b.refreshRetryEnabled());
        assertFalse(b.refreshJitterEnabled());
        assertFalse(b.retentionCheckEnabled());
        assertEquals(Optional.empty(), b.refreshCheckInterval());
        assertEquals("on_load", pod.datasets().get(1).readyState());
        assertEquals("https", pod.datasets().get(0).scheme());
        assertEquals("file", pod.datasets().get(1).scheme());
    }

    @Test
    void readsEveryAccelerationKey() throws Exception {
        Spicepod pod = parse("""
                version: v1
                kind: Spicepod
                name: p
                datasets:
                  - from: https://example.com/x
                    name: customer-interactions
                    time_column: ts
                    time_format: timestamp
                    acceleration:
                      enabled: true
                      engine: duckdb
                      mode: file
                      refresh_mode: append
                      refresh_sql: SELECT id, ts FROM customer_interactions WHERE customer_interactions.ts >= NOW() - INTERVAL '90 days'
                      refresh_check_interval: 30s
                      refresh_data_window: 1d
                      refresh_append_overlap: 5m
                      refresh_retry_enabled: false
                      refresh_retry_max_attempts: 3
                      refresh_jitter_enabled: true
                      refresh_jitter_max: 2s
                      primary_key: (id, ts)
                      on_conflict: {id: upsert}
                      indexes: {ts: enabled}
                      retention_check_enabled: true
                      retention_period: 90d
                      retention_check_interval: 24h
                """, Map.of());
        AccelerationSpec a = pod.datasets().get(0).acceleration();
        assertEquals("duckdb", a.engine());
        assertEquals("file", a.mode());
        assertEquals(List.of("id", "ts"), a.refreshSql().orElseThrow().columns());
        assertEquals(Optional.of("ts >= NOW() - INTERVAL '90 days'"), a.refreshSql().orElseThrow().filter());
        assertEquals(Optional.of(Duration.ofSeconds(30)), a.refreshCheckInterval());
        assertEquals(Optional.of(Duration.ofDays(90)), a.retentionPeriod());
        assertEquals(Optional.of(3), a.refreshRetryMaxAttempts());
        assertEquals(List.of("id", "ts"), a.primaryKey());
        assertEquals(Map.of("id", "upsert"), a.onConflict());
        assertEquals(Map.of("ts", "enabled"), a.indexes());
        assertFalse(a.refreshRetryEnabled());
    }

    @Test
    void errorsNameKeyPathAndLine() {
        String head = "version: v1\nkind: Spicepod\nname: p\ndatasets:\n  - from: file:a.csv\n    name: a\n    acceleration:\n";
        assertTrue(error(head + "      refesh_mode: full\n").getMessage()
                .startsWith("spicepod: `datasets[0].acceleration.refesh_mode` (line 8): unknown key"));
        assertTrue(error(head + "      refresh_check_interval: 10 minutes\n").getMessage()
                .contains("`datasets[0].acceleration.refresh_check_interval` (line 8): `10 minutes` is not a duration"));
        assertTrue(error(head + "      engine: duckbd\n").getMessage().contains("`duckbd` is not valid; use one of: arrow"));
        assertTrue(error(head + "      mode: disk\n").getMessage().contains("`datasets[0].acceleration.mode` (line 8)"));
        assertTrue(error(head + "      refresh_mode: sometimes\n").getMessage().contains("`sometimes` is not valid"));
        assertTrue(error(head + "      enabled: yes please\n").getMessage().contains("expected true or false"));
        assertTrue(error(head + "      refresh_retry_max_attempts: three\n").getMessage().contains("expected a whole number"));
        assertTrue(error(head + "      on_conflict: {id: merge}\n").getMessage()
                .contains("`datasets[0].acceleration.on_conflict.id` (line 8): `merge` is not valid"));
        assertTrue(error(head + "      refresh_sql: SELECT * FROM other\n").getMessage().contains("must select FROM the dataset"));
        assertTrue(error(head + "      refresh_sql: SELECT count(*) FROM a GROUP BY x\n").getMessage().contains("no joins, GROUP BY"));
        assertTrue(error("version: v1\nkind: Spicepod\nname: p\nname: q\n").getMessage().contains("`name` (line 4): is given twice"));
        assertTrue(error("version: v1\nkind: [Spicepod\n").getMessage().contains("not valid YAML"));
        assertTrue(error("version: v2\nkind: Spicepod\nname: p\n").getMessage().contains("`version` (line 1): `v2` is not valid"));
        assertTrue(error("version: v1\nkind: Spicepod\nname: p\ndatasets:\n  - name: a\n").getMessage()
                .contains("`datasets[0].from` (line 5): is required"));
    }

    @Test
    void appendAndRetentionNeedATimeColumn() {
        String head = "version: v1\nkind: Spicepod\nname: p\ndatasets:\n  - from: file:a.csv\n    name: a\n    acceleration:\n";
        assertTrue(error(head + "      refresh_mode: append\n").getMessage().startsWith(
                "spicepod: `datasets[0].acceleration.refresh_mode` (line 8): append needs the dataset's time_column"));
        assertTrue(error(head + "      retention_check_enabled: true\n      retention_period: 1d\n").getMessage()
                .contains("retention needs the dataset's time_column"));
    }

    @Test
    void resolvesSecretsFromEnvironmentThenDotEnvFiles() throws Exception {
        Files.writeString(dir.resolve(".env"), "FROM_FILE=file-value\nLOCAL_WINS=plain\n");
        Files.writeString(dir.resolve(".env.local"), "LOCAL_WINS=local\n");
        Spicepod pod = parse("""
                version: v1
                kind: Spicepod
                name: p
                datasets:
                  - from: https://example.com/x
                    name: a
                    params:
                      http_password: ${secrets:API_KEY}
                      http_username: ${env:USER_NAME}
                      a: ${secrets:FROM_FILE}
                      b: pre-${secrets:LOCAL_WINS}-post
                """, Map.of("SPICE_API_KEY", "spice-first", "API_KEY", "plain", "USER_NAME", "bob"));
        ParamValues p = pod.datasets().get(0).params();
        assertEquals("spice-first", p.values().get("http_password"));
        assertEquals("bob", p.values().get("http_username"));
        assertEquals("file-value", p.values().get("a"));
        assertEquals("pre-local-post", p.values().get("b"));
        assertEquals(Set.of("http_password", "http_username", "a", "b"), p.secretKeys());
        assertTrue(pod.secretValues().contains("spice-first"));
    }

    @Test
    void missingSecretNamesTheKeyNotAValue() {
        ConfigException e = error("""
                version: v1
                kind: Spicepod
                name: p
                datasets:
                  - from: https://example.com/x
                    name: a
                    params: {http_password: "${secrets:NOT_THERE}"}
                """);
        assertTrue(e.getMessage().contains("`datasets[0].params.http_password` (line 7): secret `NOT_THERE` is not set"),
                e.getMessage());
    }

    @Test
    void anErrorQuotingASecretValueMasksIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                version: v1
                kind: Spicepod
                name: p
                datasets:
                  - from: file:a.csv
                    name: a
                    acceleration:
                      refresh_check_interval: ${secrets:INTERVAL}
                """, Map.of("INTERVAL", "topsecret")));
        assertTrue(e.getMessage().contains("`********` is not a duration"), e.getMessage());
    }

    @Test
    void refreshSqlMayNameTheDatasetWithUnderscoreOrQuoted() throws Exception {
        for (String from : List.of("customer_interactions", "\"customer-interactions\"", "CUSTOMER_INTERACTIONS")) {
            Spicepod pod = parse("""
                    version: v1
                    kind: Spicepod
                    name: p
                    datasets:
                      - from: https://example.com/x
                        name: customer-interactions
                        acceleration:
                          refresh_sql: SELECT * FROM %s WHERE a = 1
                    """.formatted(from), Map.of());
            assertEquals(Optional.of("a = 1"), pod.datasets().get(0).acceleration().refreshSql().orElseThrow().filter());
        }
    }
}

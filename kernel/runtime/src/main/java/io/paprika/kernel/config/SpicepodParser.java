package io.paprika.kernel.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a spicepod strictly: unknown keys, wrong types, bad durations and unknown engines, modes
 * or refresh modes are errors naming the key path and line. Secrets are resolved here.
 */
public final class SpicepodParser {
    static final Set<String> TOP_KEYS = Set.of("version", "kind", "name", "metadata", "secrets", "runtime", "datasets",
            "views");
    static final Set<String> RUNTIME_KEYS = Set.of("results_cache", "tls", "auth", "params", "task_history",
            "telemetry", "dataset_load_parallelism", "shutdown_timeout");
    static final Set<String> DATASET_KEYS = Set.of("from", "name", "description", "metadata", "time_column",
            "time_format", "params", "ready_state", "acceleration");
    static final Set<String> ACCELERATION_KEYS = Set.of("enabled", "engine", "mode", "refresh_mode", "refresh_sql",
            "refresh_check_interval", "refresh_data_window", "refresh_append_overlap", "refresh_retry_enabled",
            "refresh_retry_max_attempts", "refresh_jitter_enabled", "refresh_jitter_max", "primary_key", "on_conflict",
            "indexes", "retention_check_enabled", "retention_period", "retention_check_interval", "params");
    /** Engines Spice knows; one not installed waits for its bundle, any other name is a typo. */
    public static final Set<String> KNOWN_ENGINES = Set.of("arrow", "memory", "duckdb", "sqlite", "postgres",
            "cayenne");
    static final Set<String> MODES = Set.of("memory", "file");
    static final Set<String> REFRESH_MODES = Set.of("full", "append", "changes");
    static final Set<String> READY_STATES = Set.of("on_load", "on_registration");
    static final Set<String> TIME_FORMATS = Set.of("timestamp", "timestamptz", "unix_seconds", "unix_millis",
            "ISO8601", "date");

    private final Map<String, String> environment;
    private final Set<String> extraEngines;

    /**
     * @param environment  where secrets are looked up first (normally {@code System.getenv()})
     * @param extraEngines engine names served by installed plugins beyond the ones Spice knows
     */
    public SpicepodParser(Map<String, String> environment, Set<String> extraEngines) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment"));
        this.extraEngines = Set.copyOf(requireNonNull(extraEngines, "extraEngines"));
    }

    public Spicepod parse(Path file) throws ConfigException {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException("spicepod " + file + " (line " + line + "): not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException("spicepod " + file + ": not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException("spicepod " + file + " cannot be read: " + e.getMessage());
        }
        if (root == null) {
            throw new ConfigException("spicepod " + file + " is empty; it needs at least `version: v1`, `kind: Spicepod` and `name`");
        }
        SecretResolver secrets = new SecretResolver(environment, file.toAbsolutePath().getParent());
        try {
            return parse(file, root, secrets);
        } catch (ConfigException e) {
            // An error may quote a value that came from a secret.
            throw new ConfigException(SecretMask.mask(e.getMessage(), secrets.resolvedValues()));
        }
    }

    private Spicepod parse(Path file, Node root, SecretResolver secrets) throws ConfigException {
        YamlMap top = new YamlMap(root, "", secrets);
        top.allowOnly(TOP_KEYS);
        String version = top.oneOf("version", Set.of("v1", "v1beta1")).orElseThrow(
                () -> ConfigException.at("version", top.line(), "is required (use `version: v1`)"));
        top.oneOf("kind", Set.of("Spicepod")).orElseThrow(
                () -> ConfigException.at("kind", top.line(), "is required (use `kind: Spicepod`)"));
        String name = top.requiredString("name");
        checkSecretStores(top);
        Set<String> runtimeKeys = Set.of();
        ResultsCacheSpec resultsCache = ResultsCacheSpec.defaults();
        ApiKeySpec apiKey = ApiKeySpec.disabled();
        TlsSpec tls = TlsSpec.disabled();
        Optional<YamlMap> runtime = top.map("runtime");
        if (runtime.isPresent()) {
            runtime.get().allowOnly(RUNTIME_KEYS);
            runtimeKeys = runtime.get().keys();
            Optional<YamlMap> cache = runtime.get().map("results_cache");
            if (cache.isPresent()) {
                resultsCache = ResultsCacheSection.parse(cache.get());
            }
            Optional<YamlMap> auth = runtime.get().map("auth");
            if (auth.isPresent()) {
                apiKey = AuthSection.parse(auth.get());
            }
            Optional<YamlMap> tlsSection = runtime.get().map("tls");
            if (tlsSection.isPresent()) {
                tls = TlsSection.parse(tlsSection.get());
            }
        }
        List<DatasetSpec> datasets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Node> datasetNodes = top.list("datasets");
        for (int i = 0; i < datasetNodes.size(); i++) {
            DatasetSpec ds = dataset(new YamlMap(datasetNodes.get(i), "datasets[" + i + "]", secrets));
            if (!names.add(ds.name().toLowerCase(java.util.Locale.ROOT))) {
                throw ConfigException.at("datasets[" + i + "].name", ds.line(), "dataset `" + ds.name()
                        + "` is defined twice; dataset names must be unique (ignoring case)");
            }
            datasets.add(ds);
        }
        List<ViewSpec> views = new ArrayList<>();
        List<Node> viewNodes = top.list("views");
        for (int i = 0; i < viewNodes.size(); i++) {
            YamlMap v = new YamlMap(viewNodes.get(i), "views[" + i + "]", secrets);
            v.allowOnly(Set.of("name", "sql", "description"));
            views.add(new ViewSpec(v.requiredString("name"), v.requiredString("sql"), v.line()));
        }
        return new Spicepod(file, name, version, datasets, views, runtimeKeys, resultsCache, apiKey, tls,
                secrets.resolvedValues());
    }

    private static void checkSecretStores(YamlMap top) throws ConfigException {
        List<Node> stores = top.list("secrets");
        for (int i = 0; i < stores.size(); i++) {
            YamlMap s = new YamlMap(stores.get(i), "secrets[" + i + "]", new SecretResolver(Map.of(), Path.of(".")));
            s.allowOnly(Set.of("from", "name", "description", "params"));
            s.oneOf("from", Set.of("env")).orElseThrow(
                    () -> ConfigException.at(s.child("from"), s.line(), "is required (use `from: env`)"));
        }
    }

    private DatasetSpec dataset(YamlMap d) throws ConfigException {
        d.allowOnly(DATASET_KEYS);
        String from = d.requiredString("from");
        if (!from.matches("[a-zA-Z][a-zA-Z0-9+.\\-]*:.+")) {
            throw ConfigException.at(d.child("from"), d.lineOf("from"), "`" + from
                    + "` is not a source; use a URL such as https://host/data.csv or file:data/x.csv");
        }
        String name = d.requiredString("name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
            throw ConfigException.at(d.child("name"), d.lineOf("name"), "`" + name
                    + "` is not a valid dataset name; use letters, digits, `_` and `-`, starting with a letter");
        }
        Optional<AccelerationSpec> acceleration = Optional.empty();
        Optional<YamlMap> a = d.map("acceleration");
        if (a.isPresent()) {
            acceleration = Optional.of(acceleration(a.get(), name));
            requireTimeColumn(a.get(), acceleration.get(), d.has("time_column"));
        }
        return new DatasetSpec(from, name, d.string("description"), d.string("time_column"),
                d.oneOf("time_format", TIME_FORMATS), d.params("params"),
                d.oneOf("ready_state", READY_STATES).orElse("on_load"), acceleration.isPresent(),
                acceleration.orElse(AccelerationSpec.defaults(false)), d.line());
    }

    private AccelerationSpec acceleration(YamlMap a, String dataset) throws ConfigException {
        a.allowOnly(ACCELERATION_KEYS);
        Set<String> engines = new HashSet<>(KNOWN_ENGINES);
        engines.addAll(extraEngines);
        String engine = a.oneOf("engine", engines).orElse(AccelerationSpec.DEFAULT_ENGINE);
        Optional<RefreshSql> refreshSql = Optional.empty();
        if (a.has("refresh_sql")) {
            refreshSql = Optional.of(RefreshSqlParser.parse(a.string("refresh_sql").orElseThrow(), dataset,
                    a.child("refresh_sql"), a.lineOf("refresh_sql")));
        }
        return new AccelerationSpec(
                a.bool("enabled").orElse(true),
                engine,
                a.oneOf("mode", MODES).orElse("memory"),
                a.oneOf("refresh_mode", REFRESH_MODES).orElse("full"),
                refreshSql,
                a.duration("refresh_check_interval"),
                a.duration("refresh_data_window"),
                a.duration("refresh_append_overlap"),
                a.bool("refresh_retry_enabled").orElse(true),
                a.integer("refresh_retry_max_attempts", 0),
                a.bool("refresh_jitter_enabled").orElse(false),
                a.duration("refresh_jitter_max"),
                primaryKey(a),
                choices(a, "on_conflict", Set.of("upsert", "drop")),
                choices(a, "indexes", Set.of("enabled", "unique")),
                a.bool("retention_check_enabled").orElse(false),
                a.duration("retention_period"),
                a.duration("retention_check_interval"),
                a.params("params"),
                a.keys());
    }

    /** Append refreshes and retention compare on time_column: without one there is nothing to compare. */
    private static void requireTimeColumn(YamlMap a, AccelerationSpec spec, boolean hasTimeColumn)
            throws ConfigException {
        if ("append".equals(spec.refreshMode()) && !hasTimeColumn) {
            throw ConfigException.at(a.child("refresh_mode"), a.lineOf("refresh_mode"), "append needs the dataset's "
                    + "time_column (the column that grows as rows are added): the connectors here cannot stream "
                    + "appends, so they fetch rows newer than the last one loaded");
        }
        if (spec.retentionCheckEnabled() && (!hasTimeColumn || spec.retentionPeriod().isEmpty())) {
            throw ConfigException.at(a.child("retention_check_enabled"), a.lineOf("retention_check_enabled"),
                    "retention needs the dataset's time_column and acceleration.retention_period");
        }
    }

    /** {@code primary_key: id}, {@code primary_key: (a, b)} or {@code primary_key: [a, b]}. */
    private static List<String> primaryKey(YamlMap a) throws ConfigException {
        List<String> raw = a.stringList("primary_key");
        List<String> out = new ArrayList<>();
        for (String part : raw) {
            String s = part.strip();
            if (s.startsWith("(") && s.endsWith(")")) {
                s = s.substring(1, s.length() - 1);
            }
            for (String col : s.split(",")) {
                if (!col.isBlank()) {
                    out.add(RefreshSqlParser.unquote(col.strip()));
                }
            }
        }
        return out;
    }

    private static Map<String, String> choices(YamlMap a, String key, Set<String> allowed) throws ConfigException {
        ParamValues values = a.params(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.values().entrySet()) {
            if (!allowed.contains(e.getValue())) {
                throw ConfigException.at(a.child(key) + "." + e.getKey(), values.line(e.getKey()), "`" + e.getValue()
                        + "` is not valid; use one of: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}

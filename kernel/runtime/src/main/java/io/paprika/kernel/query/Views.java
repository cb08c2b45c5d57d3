package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.ViewSpec;
import io.paprika.kernel.query.plan.SqlAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * The spicepod's {@code views}: named queries over datasets and other views. A query naming a view
 * gets the view's SQL as a common table expression, so every engine sees one plain query.
 */
public final class Views {
    private final Map<String, ViewSpec> byName = new LinkedHashMap<>();
    private final Map<String, Set<String>> reads = new LinkedHashMap<>();

    private Views() {
    }

    public static Views none() {
        return new Views();
    }

    /**
     * Checks every view parses as a read-only query over datasets and views, without cycles.
     *
     * @throws ConfigException naming the view, its line and what is wrong
     */
    public static Views of(List<ViewSpec> views, Set<String> datasetNames) throws ConfigException {
        Views out = new Views();
        Set<String> datasets = lower(datasetNames);
        for (int i = 0; i < views.size(); i++) {
            ViewSpec v = views.get(i);
            String key = v.name().toLowerCase(Locale.ROOT);
            String where = "spicepod: `views[" + i + "]` (line " + v.line() + "): view `" + v.name() + "`: ";
            if (datasets.contains(key) || out.byName.containsKey(key)) {
                throw new ConfigException(where + "the name is already used by a dataset or another view; "
                        + "give the view its own name");
            }
            Statement st;
            try {
                st = SqlParser.parse(v.sql());
            } catch (JSQLParserException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new ConfigException(where + "its sql does not parse: " + SqlParser.firstLine(cause.getMessage()));
            }
            if (!(st instanceof Select)) {
                throw new ConfigException(where + "its sql must be a query (SELECT or WITH ... SELECT)");
            }
            Set<String> names = new LinkedHashSet<>();
            for (Table t : SqlAnalysis.of(st).tables()) {
                names.add(SqlAnalysis.unquoted(t.getName()).toLowerCase(Locale.ROOT));
            }
            out.byName.put(key, v);
            out.reads.put(key, names);
        }
        for (Map.Entry<String, Set<String>> e : out.reads.entrySet()) {
            for (String name : e.getValue()) {
                if (!datasets.contains(name) && !out.byName.containsKey(name)) {
                    ViewSpec v = out.byName.get(e.getKey());
                    throw new ConfigException("spicepod: `views[" + views.indexOf(v) + "]` (line " + v.line()
                            + "): view `" + v.name() + "` reads `" + name + "`, which is not a dataset or view; "
                            + "the datasets are: " + String.join(", ", datasetNames));
                }
            }
            try {
                out.order(e.getKey(), new LinkedHashSet<>(), new ArrayList<>());
            } catch (IllegalStateException cycle) {
                throw new ConfigException("spicepod: " + cycle.getMessage());
            }
        }
        return out;
    }

    public boolean isView(String name) {
        return byName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public Optional<ViewSpec> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    public List<ViewSpec> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The query with the views it reads (directly or through other views) defined in front of it
     * as common table expressions; the query itself when it reads none.
     */
    Statement expand(Statement statement, SqlAnalysis analysis) throws QueryException {
        if (byName.isEmpty() || !(statement instanceof Select select)) {
            return statement;
        }
        List<String> needed = new ArrayList<>();
        Set<String> own = new LinkedHashSet<>();
        if (select.getWithItemsList() != null) {
            select.getWithItemsList().forEach(w -> own.add(SqlAnalysis.unquoted(w.getAliasName()).toLowerCase(Locale.ROOT)));
        }
        for (Table t : analysis.tables()) {
            String name = SqlAnalysis.unquoted(t.getName()).toLowerCase(Locale.ROOT);
            if (t.getSchemaName() == null && byName.containsKey(name) && !own.contains(name)) {
                order(name, new LinkedHashSet<>(), needed);
            }
        }
        if (needed.isEmpty()) {
            return statement;
        }
        boolean recursive = false;
        List<String> items = new ArrayList<>();
        for (String name : needed) {
            ViewSpec v = byName.get(name);
            items.add('"' + v.name().replace("\"", "\"\"") + "\" AS (" + v.sql() + ")");
        }
        if (select.getWithItemsList() != null) {
            for (WithItem<?> w : select.getWithItemsList()) {
                recursive |= w.isRecursive();
                w.setRecursive(false);
                items.add(w.toString());
            }
            select.setWithItemsList(null);
        }
        String sql = "WITH " + (recursive ? "RECURSIVE " : "") + String.join(", ", items) + " " + select;
        try {
            return SqlParser.parse(sql);
        } catch (JSQLParserException e) {
            throw new QueryException(QueryException.Kind.INTERNAL, "could not expand the views the query reads: "
                    + SqlParser.firstLine(e.getMessage()), e);
        }
    }

    /** Depth first: a view's own views come before it. */
    private void order(String name, Set<String> visiting, List<String> out) {
        if (out.contains(name)) {
            return;
        }
        if (!visiting.add(name)) {
            ViewSpec v = byName.get(name);
            throw new IllegalStateException("view `" + v.name() + "` (line " + v.line() + ") reads itself through "
                    + String.join(" -> ", visiting) + "; views must not form a cycle");
        }
        for (String dep : reads.getOrDefault(name, Set.of())) {
            if (byName.containsKey(dep)) {
                order(dep, visiting, out);
            }
        }
        visiting.remove(name);
        out.add(name);
    }

    private static Set<String> lower(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return out;
    }
}

package io.paprika.kernel.query;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;

/**
 * One request's SQL, parsed once: a query (checked read-only), or one of the statements the
 * runtime answers itself — {@code EXPLAIN <query>}, {@code SHOW TABLES}, {@code DESCRIBE <table>}.
 */
record ParsedQuery(String sql, Statement statement, Kind kind, Optional<ParsedQuery> explained,
        Optional<String> described) {

    enum Kind { QUERY, EXPLAIN, SHOW_TABLES, DESCRIBE }

    ParsedQuery {
        requireNonNull(sql, "sql");
        requireNonNull(statement, "statement");
        requireNonNull(kind, "kind");
        requireNonNull(explained, "explained");
        requireNonNull(described, "described");
    }

    /**
     * Parsed requests by text: one request asks more than once (cache lookup, plan, run) and
     * clients repeat their statements. Only accepted queries are kept; nothing here is mutated.
     */
    private static final Cache<String, ParsedQuery> PARSED = Caffeine.newBuilder().maximumSize(1024).build();

    static ParsedQuery parse(String sql) throws QueryException {
        if (sql == null || sql.isBlank()) {
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT, "the query is empty; send SQL as the request body");
        }
        ParsedQuery known = PARSED.getIfPresent(sql);
        if (known != null) {
            return known;
        }
        ParsedQuery parsed = parseOnce(sql);
        PARSED.put(sql, parsed);
        return parsed;
    }

    /** Parsed once; a query goes through the read-only check, which names whatever it refuses. */
    private static ParsedQuery parseOnce(String sql) throws QueryException {
        Statements all;
        try {
            all = SqlParser.parseAll(sql);
        } catch (JSQLParserException e) {
            throw ReadOnlyGuard.unparsable(sql, e);
        }
        Statement first = all.size() == 1 ? all.get(0) : null;
        if (first instanceof ExplainStatement explain) {
            ParsedQuery inner = parse(explain.getStatement().toString());
            return new ParsedQuery(sql, first, Kind.EXPLAIN, Optional.of(inner), Optional.empty());
        }
        if (first instanceof ShowTablesStatement) {
            return new ParsedQuery(sql, first, Kind.SHOW_TABLES, Optional.empty(), Optional.empty());
        }
        if (first instanceof DescribeStatement describe) {
            String table = io.paprika.kernel.query.plan.SqlAnalysis.unquoted(describe.getTable().getName());
            return new ParsedQuery(sql, first, Kind.DESCRIBE, Optional.empty(), Optional.of(table));
        }
        Statement query = ReadOnlyGuard.check(all);
        return new ParsedQuery(sql, query, Kind.QUERY, Optional.empty(), Optional.empty());
    }
}

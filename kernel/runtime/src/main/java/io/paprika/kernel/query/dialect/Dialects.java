package io.paprika.kernel.query.dialect;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.query.QueryException;
import io.paprika.kernel.query.SqlParser;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates the PostgreSQL-flavoured SQL users write (what Spice's DataFusion accepts) into the
 * dialect an engine runs: the query is parsed once and printed again by a deparser that rewrites
 * the constructs the engine spells differently.
 */
public final class Dialects {
    private static final Logger LOG = LoggerFactory.getLogger(Dialects.class);

    private Dialects() {
    }

    /**
     * The query in {@code dialect} ({@code duckdb}, {@code h2} or {@code postgres}); any other
     * dialect name gets the query unchanged, as an engine naming its own dialect speaks PostgreSQL.
     *
     * @throws QueryException when the query does not parse or uses something the dialect cannot express
     */
    public static String translate(String sql, String dialect) throws QueryException {
        requireNonNull(sql, "sql");
        switch (dialect == null ? "" : dialect.toLowerCase(Locale.ROOT)) {
            case "h2":
                return deparse(sql, H2Expressions::new, H2Selects::new);
            case "duckdb":
                return deparse(sql, DuckDbExpressions::new, SelectDeParser::new);
            default:
                return sql;
        }
    }

    private static Statement parse(String sql) throws QueryException {
        try {
            return SqlParser.parse(sql);
        } catch (JSQLParserException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT, "SQL error: "
                    + SqlParser.firstLine(cause.getMessage()), e);
        }
    }

    /**
     * Prints the statement with one expression deparser shared by every clause and subquery; a
     * query that needed no rewrite is returned as written.
     */
    private static String deparse(String sql, Function<StringBuilder, Rewriter> expressions,
            BiFunction<Rewriter, StringBuilder, SelectDeParser> selects) throws QueryException {
        Statement statement = parse(sql);
        StringBuilder out = new StringBuilder();
        Rewriter expr = expressions.apply(out);
        SelectDeParser select = selects.apply(expr, out);
        expr.setSelectVisitor(select);
        try {
            statement.accept(new StatementDeParser(expr, select, out));
        } catch (Untranslatable e) {
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT, e.getMessage(), e);
        } catch (RuntimeException e) {
            // A deparser gap for some rare construct: the engine may still read the query as written,
            // and if not, its own error names the problem better than this one would.
            LOG.warn("could not translate a query ({}); sending it as written: {}", e, sql);
            return sql;
        }
        return expr.changed() ? out.toString() : sql;
    }
}

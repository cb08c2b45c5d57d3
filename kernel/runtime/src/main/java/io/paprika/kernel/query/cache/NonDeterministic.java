package io.paprika.kernel.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.paprika.kernel.query.SqlParser;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Finds calls whose answer changes from one run to the next (the clock, random numbers, UUIDs):
 * such a query must run every time, not be answered from a recorded result.
 */
final class NonDeterministic {
    static final Set<String> FUNCTIONS = Set.of("now", "random", "rand", "uuid", "gen_random_uuid", "random_uuid",
            "current_timestamp", "current_time", "current_date", "localtimestamp", "localtime", "today",
            "clock_timestamp", "statement_timestamp", "transaction_timestamp", "get_current_time", "unix_timestamp",
            "sysdate", "systimestamp", "getdate", "curdate", "curtime", "random_like", "nextval", "currval",
            "current_timestamp_ms");

    /** Answers by text: the answer depends on the text alone, and a results-cache miss would parse again. */
    private static final Cache<String, Boolean> BY_SQL = Caffeine.newBuilder().maximumSize(10_000).build();

    private NonDeterministic() {
    }

    /** True when the query calls such a function anywhere, or cannot be parsed (then it is not cached). */
    static boolean calls(String sql) {
        return BY_SQL.get(sql, NonDeterministic::find);
    }

    private static boolean find(String sql) {
        try {
            Finder finder = new Finder();
            finder.getTables(SqlParser.parse(sql));
            return finder.found;
        } catch (JSQLParserException | RuntimeException e) {
            return true;
        }
    }

    /** JSqlParser's table finder already walks every expression, subquery and CTE; it also looks at calls. */
    private static final class Finder extends TablesNamesFinder<Void> {
        boolean found;

        @Override
        public <S> Void visit(Function function, S context) {
            String name = function.getName() == null ? "" : function.getName();
            int dot = name.lastIndexOf('.');
            if (FUNCTIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                found = true;
            }
            return super.visit(function, context);
        }

        @Override
        public <S> Void visit(TimeKeyExpression expression, S context) {
            // CURRENT_TIMESTAMP, CURRENT_DATE, LOCALTIME and friends, written without parentheses.
            found = true;
            return super.visit(expression, context);
        }
    }
}

package io.paprika.kernel.query;

import java.util.LinkedHashSet;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.util.TablesNamesFinder;

/** Parses a query, checks it only reads, and lists the tables it names (unquoted, last name part). */
final class TableReferences {
    private TableReferences() {
    }

    static Set<String> of(String sql) throws QueryException {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT, "SQL error: " + firstLine(cause.getMessage()));
        }
        if (!(statement instanceof Select)) {
            throw new QueryException(QueryException.Kind.INVALID_ARGUMENT,
                    "only read-only queries (SELECT, WITH ... SELECT) are allowed; found "
                            + statement.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
        }
        Set<String> out = new LinkedHashSet<>();
        for (String name : new TablesNamesFinder<Void>().getTables(statement)) {
            out.add(lastPart(name));
        }
        return out;
    }

    /** {@code "my-ds"} gives {@code my-ds}; {@code public.products} gives {@code products}. */
    static String lastPart(String qualified) {
        String s = qualified;
        int dot = lastDotOutsideQuotes(s);
        if (dot >= 0) {
            s = s.substring(dot + 1);
        }
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static int lastDotOutsideQuotes(String s) {
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                last = i;
            }
        }
        return last;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "could not parse the query";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}

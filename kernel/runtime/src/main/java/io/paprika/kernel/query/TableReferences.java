package io.paprika.kernel.query;

import java.util.LinkedHashSet;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;

/** Parses a query, checks it only reads, and lists the tables it names (unquoted, last name part). */
final class TableReferences {
    private TableReferences() {
    }

    static Set<String> of(String sql) throws QueryException {
        Statement statement = ReadOnlyGuard.check(sql);
        Set<String> out = new LinkedHashSet<>();
        // unlike a bare TablesNamesFinder, it also finds the tables of DuckDB's FROM-first form
        for (String name : new QueryWalker().getTables(statement)) {
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
}

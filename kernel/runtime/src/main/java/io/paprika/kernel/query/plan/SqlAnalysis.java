package io.paprika.kernel.query.plan;

import io.paprika.kernel.query.QueryWalker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * What a parsed query touches: the table references (common table expressions excluded), the
 * column names it mentions anywhere, and whether it selects {@code *} somewhere. The table objects
 * are the statement's own, so a caller may rename them in place.
 */
public final class SqlAnalysis {
    private final List<Table> tables;
    private final Set<String> columns;
    private final boolean star;

    private SqlAnalysis(List<Table> tables, Set<String> columns, boolean star) {
        this.tables = tables;
        this.columns = columns;
        this.star = star;
    }

    public static SqlAnalysis of(Statement statement) {
        Finder finder = new Finder();
        Set<String> realNames = finder.getTables(statement);
        List<Table> real = new ArrayList<>();
        for (Table t : finder.seen) {
            boolean cte = t.getSchemaName() == null
                    && finder.cteNames.contains(unquoted(t.getName()).toLowerCase(Locale.ROOT));
            if (!cte && realNames.contains(t.getFullyQualifiedName())) {
                real.add(t);
            }
        }
        return new SqlAnalysis(real, finder.columns, finder.star);
    }

    /** Table references in the order met; a table named twice appears twice. */
    public List<Table> tables() {
        return tables;
    }

    /** Every column name mentioned, lower case, without qualifier. */
    public Set<String> columns() {
        return columns;
    }

    /** True when {@code *} or {@code t.*} appears anywhere: every column may be needed. */
    public boolean selectsStar() {
        return star;
    }

    /** The name a table reference means, unquoted: {@code "My-DS"} gives {@code My-DS}. */
    public static String unquoted(String name) {
        if (name != null && name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    /** Walks every clause the read-only check walks, so no table escapes planning. */
    private static final class Finder extends QueryWalker {
        final List<Table> seen = new ArrayList<>();
        final Set<String> columns = new LinkedHashSet<>();
        final Set<String> cteNames = new LinkedHashSet<>();
        boolean star;

        @Override
        public <S> Void visit(WithItem<?> with, S context) {
            if (with.getAliasName() != null) {
                cteNames.add(unquoted(with.getAliasName()).toLowerCase(Locale.ROOT));
            }
            return super.visit(with, context);
        }

        Finder() {
            init(true);
        }

        @Override
        public <S> Void visit(Table table, S context) {
            // The finder may reach one reference twice (a join's item is visited again).
            if (seen.stream().noneMatch(t -> t == table)) {
                seen.add(table);
            }
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(Column column, S context) {
            columns.add(unquoted(column.getColumnName()).toLowerCase(Locale.ROOT));
            return super.visit(column, context);
        }

        @Override
        public <S> Void visit(AllColumns all, S context) {
            star = true;
            return super.visit(all, context);
        }

        @Override
        public <S> Void visit(AllTableColumns all, S context) {
            star = true;
            return super.visit(all, context);
        }
    }
}

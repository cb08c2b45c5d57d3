package io.paprika.kernel.query.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/** The one FROM item a WHERE conjunct depends on, when it can be evaluated at that item's scan. */
final class FilterTarget {
    /** Functions whose value is not a property of a single row. */
    private static final Set<String> NOT_ROW_LOCAL = Set.of("count", "sum", "avg", "min", "max", "random",
            "array_agg", "string_agg", "bool_and", "bool_or", "stddev", "variance", "median", "first", "last");

    private FilterTarget() {
    }

    static Optional<FromEntry> of(Expression conjunct, List<FromEntry> from) {
        Collector c = new Collector();
        conjunct.accept(c, null);
        if (c.unsafe || c.columns.isEmpty()) {
            return Optional.empty();
        }
        FromEntry target = null;
        for (Column col : c.columns) {
            Optional<FromEntry> owner = owner(col, from);
            if (owner.isEmpty() || target != null && owner.get() != target) {
                return Optional.empty();
            }
            target = owner.get();
        }
        return target.nullable() ? Optional.empty() : Optional.of(target);
    }

    private static Optional<FromEntry> owner(Column col, List<FromEntry> from) {
        String name = SqlAnalysis.unquoted(col.getColumnName()).toLowerCase(Locale.ROOT);
        if (col.getTable() != null && col.getTable().getName() != null) {
            String qualifier = SqlAnalysis.unquoted(col.getTable().getName()).toLowerCase(Locale.ROOT);
            List<FromEntry> named = from.stream().filter(e -> e.alias().equals(qualifier)).toList();
            if (named.size() != 1 || named.get(0).columns().map(cols -> !cols.contains(name)).orElse(true)) {
                return Optional.empty();
            }
            return Optional.of(named.get(0));
        }
        // Unqualified: it must be known to belong to exactly one item, and to no other.
        FromEntry found = null;
        for (FromEntry e : from) {
            if (e.columns().isEmpty()) {
                return Optional.empty();
            }
            if (e.columns().get().contains(name)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    private static final class Collector extends ExpressionVisitorAdapter<Void> {
        final List<Column> columns = new ArrayList<>();
        boolean unsafe;

        @Override
        public <S> Void visit(Column column, S context) {
            columns.add(column);
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedSelect select, S context) {
            unsafe = true;
            return null;
        }

        @Override
        public <S> Void visit(Select select, S context) {
            unsafe = true;
            return null;
        }

        @Override
        public <S> Void visit(JdbcParameter parameter, S context) {
            unsafe = true;
            return null;
        }

        @Override
        public <S> Void visit(JdbcNamedParameter parameter, S context) {
            unsafe = true;
            return null;
        }

        @Override
        public <S> Void visit(AnalyticExpression expression, S context) {
            unsafe = true;
            return null;
        }

        @Override
        public <S> Void visit(Function function, S context) {
            if (function.getName() == null || NOT_ROW_LOCAL.contains(function.getName().toLowerCase(Locale.ROOT))) {
                unsafe = true;
                return null;
            }
            return super.visit(function, context);
        }
    }
}

package io.paprika.kernel.query.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.schema.Column;

/**
 * Which parts of a query's top-level WHERE and LIMIT can run at a table's scan, so only the rows
 * needed leave an engine or a source. A filter moves only when it is certain to give the same
 * answer: the table is read once, is not on the null-supplying side of an outer join, and every
 * column of the filter belongs to it. The query keeps its own WHERE, so a moved filter is also
 * applied above.
 */
public final class Pushdown {
    private final Map<String, List<String>> filters = new LinkedHashMap<>();
    private OptionalLong limit = OptionalLong.empty();

    private Pushdown() {
    }

    /** Filters per dataset (lower-case name), as PostgreSQL-flavoured boolean expressions. */
    public Map<String, List<String>> filters() {
        return filters;
    }

    /** A row limit the single table's scan may apply. */
    public OptionalLong limit() {
        return limit;
    }

    /**
     * @param datasetOf    the dataset a table reference reads (lower case), if it is one
     * @param columnsOf    a dataset's columns (lower case), if known
     * @param references   how often each dataset (lower case) is referenced in the whole query
     */
    public static Pushdown of(Statement statement, Function<Table, Optional<String>> datasetOf,
            Function<String, Optional<Set<String>>> columnsOf, Map<String, Integer> references) {
        Pushdown out = new Pushdown();
        if (!(statement instanceof PlainSelect select) || select.getFromItem() == null) {
            return out;
        }
        List<FromEntry> from = fromEntries(select, datasetOf, columnsOf);
        if (from.isEmpty()) {
            return out;
        }
        List<Expression> conjuncts = new ArrayList<>();
        split(select.getWhere(), conjuncts);
        int pushed = 0;
        for (Expression conjunct : conjuncts) {
            Optional<FromEntry> target = FilterTarget.of(conjunct, from);
            if (target.isEmpty() || target.get().dataset().isEmpty()
                    || references.getOrDefault(target.get().dataset().get(), 0) != 1) {
                continue;
            }
            Optional<String> rendered = unqualified(conjunct);
            if (rendered.isPresent()) {
                out.filters.computeIfAbsent(target.get().dataset().get(), k -> new ArrayList<>()).add(rendered.get());
                pushed++;
            }
        }
        if (pushed == conjuncts.size() && from.size() == 1 && from.get(0).dataset().isPresent()
                && references.getOrDefault(from.get(0).dataset().get(), 0) == 1 && plainRows(select)) {
            out.limit = rowLimit(select);
        }
        return out;
    }

    private static List<FromEntry> fromEntries(PlainSelect select, Function<Table, Optional<String>> datasetOf,
            Function<String, Optional<Set<String>>> columnsOf) {
        List<FromItem> items = new ArrayList<>();
        List<Boolean> nullable = new ArrayList<>();
        items.add(select.getFromItem());
        nullable.add(false);
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                if (join.isApply()) {
                    return List.of();
                }
                boolean full = join.isFull() || join.isOuter() && !join.isLeft() && !join.isRight();
                if (join.isRight() || full) {
                    nullable.replaceAll(x -> true);
                }
                items.add(join.getFromItem());
                nullable.add(join.isLeft() || full);
            }
        }
        List<FromEntry> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FromItem item = items.get(i);
            String alias = item.getAlias() != null ? SqlAnalysis.unquoted(item.getAlias().getName()) : null;
            if (item instanceof Table t) {
                Optional<String> ds = datasetOf.apply(t);
                String name = alias != null ? alias : SqlAnalysis.unquoted(t.getName());
                out.add(new FromEntry(name.toLowerCase(Locale.ROOT), ds, ds.flatMap(columnsOf), nullable.get(i)));
            } else {
                out.add(new FromEntry(alias == null ? "" : alias.toLowerCase(Locale.ROOT), Optional.empty(),
                        Optional.empty(), nullable.get(i)));
            }
        }
        return out;
    }

    private static void split(Expression e, List<Expression> out) {
        if (e == null) {
            return;
        }
        if (e instanceof AndExpression and) {
            split(and.getLeftExpression(), out);
            split(and.getRightExpression(), out);
        } else {
            out.add(e);
        }
    }

    /** The filter with its column qualifiers dropped: the scan reads one table under its own name. */
    private static Optional<String> unqualified(Expression conjunct) {
        try {
            Expression copy = CCJSqlParserUtil.parseCondExpression(conjunct.toString());
            copy.accept(new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(Column column, S context) {
                    column.setTable(null);
                    return null;
                }
            }, null);
            return Optional.of(copy.toString());
        } catch (JSQLParserException e) {
            return Optional.empty();
        }
    }

    /** Only plain column selection: no grouping, ordering, distinct or computed items. */
    private static boolean plainRows(PlainSelect s) {
        if (s.getGroupBy() != null || s.getHaving() != null || s.getDistinct() != null
                || s.getOrderByElements() != null && !s.getOrderByElements().isEmpty() || s.getWithItemsList() != null) {
            return false;
        }
        for (SelectItem<?> item : s.getSelectItems()) {
            if (!(item.getExpression() instanceof Column || item.getExpression() instanceof AllColumns)) {
                return false;
            }
        }
        return true;
    }

    private static OptionalLong rowLimit(PlainSelect s) {
        if (s.getLimit() == null || s.getLimit().getOffset() != null
                || !(s.getLimit().getRowCount() instanceof LongValue count)) {
            return OptionalLong.empty();
        }
        long offset = 0;
        if (s.getOffset() != null) {
            if (!(s.getOffset().getOffset() instanceof LongValue o)) {
                return OptionalLong.empty();
            }
            offset = o.getValue();
        }
        return OptionalLong.of(count.getValue() + offset);
    }
}

package io.paprika.kernel.query;

import java.util.List;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Pivot;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * JSqlParser's table finder, made to visit every expression of a query: the finder looks for tables only,
 * so it skips GROUP BY, QUALIFY, named windows, PARTITION BY, ORDER BY, LIMIT, PIVOT lists and DuckDB's
 * FROM-first form, where a function call can hide just as well. What it cannot walk it refuses to pass.
 */
public class QueryWalker extends TablesNamesFinder<Void> {

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        super.visit(select, context);
        if (select.getDistinct() != null) {
            walkItems(select.getDistinct().getOnSelectItems(), context);
        }
        if (select.getGroupBy() != null) {
            walk(select.getGroupBy().getGroupByExpressionList(), context);
            if (select.getGroupBy().getGroupingSets() != null) {
                select.getGroupBy().getGroupingSets().forEach(set -> walk(set, context));
            }
        }
        walk(select.getQualify(), context);
        if (select.getWindowDefinitions() != null) {
            for (WindowDefinition window : select.getWindowDefinitions()) {
                walk(window.getPartitionExpressionList(), context);
                walkOrder(window.getOrderByElements(), context);
            }
        }
        walkTail(select, context);
        return null;
    }

    @Override
    public <S> Void visit(SetOperationList list, S context) {
        super.visit(list, context);
        walkTail(list, context);
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        super.visit(select, context);
        walkTail(select, context);
        walkPivots(select, context);
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedFromItem item, S context) {
        super.visit(item, context);
        walkPivots(item, context);
        return null;
    }

    @Override
    public <S> Void visit(TableFunction tableFunction, S context) {
        super.visit(tableFunction, context);
        walkPivots(tableFunction, context);
        return null;
    }

    @Override
    public <S> Void visit(Table table, S context) {
        super.visit(table, context);
        walkPivots(table, context);
        return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression expression, S context) {
        super.visit(expression, context);
        walk(expression.getPartitionExpressionList(), context);
        walkOrder(expression.getOrderByElements(), context);
        return null;
    }

    /** DuckDB's {@code FROM t [JOIN ...]}, which the finder skips entirely. */
    @Override
    public <S> Void visit(FromQuery query, S context) {
        if (query.getPipeOperators() != null && !query.getPipeOperators().isEmpty()) {
            throw new UnsupportedOperationException("the FROM ... |> pipe query form cannot be checked; write it "
                    + "as SELECT ... FROM ...");
        }
        if (query.getWithItemsList() != null) {
            query.getWithItemsList().forEach(w -> w.accept((SelectVisitor<Void>) this, context));
        }
        query.getFromItem().accept(this, context);
        if (query.getJoins() != null) {
            for (Join join : query.getJoins()) {
                join.getFromItem().accept(this, context);
                join.getOnExpressions().forEach(on -> walk(on, context));
            }
        }
        walkTail(query, context);
        return null;
    }

    /** ORDER BY, LIMIT, OFFSET and FETCH of any select form. */
    private <S> void walkTail(Select select, S context) {
        walkOrder(select.getOrderByElements(), context);
        if (select.getLimit() != null) {
            walk(select.getLimit().getRowCount(), context);
            walk(select.getLimit().getOffset(), context);
        }
        if (select.getOffset() != null) {
            walk(select.getOffset().getOffset(), context);
        }
        if (select.getFetch() != null) {
            walk(select.getFetch().getExpression(), context);
        }
    }

    /** PIVOT aggregates and IN lists, UNPIVOT IN lists. */
    private <S> void walkPivots(FromItem item, S context) {
        Pivot pivot = item.getPivot();
        if (pivot != null) {
            if (pivot.getFunctionItems() != null) {
                pivot.getFunctionItems().forEach(f -> walk(f.getExpression(), context));
            }
            walkItems(pivot.getSingleInItems(), context);
            if (pivot.getMultiInItems() != null) {
                pivot.getMultiInItems().forEach(m -> walk(m.getExpression(), context));
            }
        }
        if (item.getUnPivot() != null) {
            walkItems(item.getUnPivot().getUnPivotInClause(), context);
        }
    }

    private <S> void walkOrder(List<OrderByElement> order, S context) {
        if (order != null) {
            order.forEach(o -> walk(o.getExpression(), context));
        }
    }

    private <S> void walkItems(List<SelectItem<?>> items, S context) {
        if (items != null) {
            items.forEach(item -> walk(item.getExpression(), context));
        }
    }

    private <S> void walk(Expression expression, S context) {
        if (expression != null) {
            expression.accept(this, context);
        }
    }
}

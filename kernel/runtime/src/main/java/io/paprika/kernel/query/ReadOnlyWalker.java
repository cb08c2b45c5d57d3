package io.paprika.kernel.query;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
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
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Walks every part of a query (subqueries, CTEs, joins, function arguments) with JSqlParser's own table
 * finder, stopping at the first thing a read-only query must not do. Visitors cannot throw checked
 * exceptions, so a refusal travels as {@link Refusal}.
 */
final class ReadOnlyWalker extends TablesNamesFinder<Void> {
    /** Schemas that expose the engine's catalog rather than datasets. */
    private static final Set<String> CATALOG_SCHEMAS = Set.of("information_schema", "pg_catalog", "system", "temp");

    /** Why a query was refused; unchecked so it can leave a visitor. */
    static final class Refusal extends RuntimeException {
        Refusal(String what) {
            super(what, null, false, false);
        }
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        if (select.getIntoTables() != null && !select.getIntoTables().isEmpty() || select.getIntoTempTable() != null) {
            throw new Refusal("SELECT ... INTO (it creates a table)");
        }
        super.visit(select, context);
        // the parts TablesNamesFinder does not walk (it looks for tables, not functions)
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

    /** DuckDB's FROM-first form ({@code FROM t WHERE ...} is parsed as pipe syntax); the finder skips it. */
    @Override
    public <S> Void visit(FromQuery query, S context) {
        if (query.getPipeOperators() != null && !query.getPipeOperators().isEmpty()) {
            throw new Refusal("the FROM-first (pipe) query form |> ... (write it as SELECT ... FROM ...)");
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

    @Override
    public <S> Void visit(WithItem<?> withItem, S context) {
        // PostgreSQL-style data-modifying CTEs: WITH d AS (DELETE ... RETURNING *) SELECT ...
        if (!(withItem.getParenthesedStatement() instanceof ParenthesedSelect)) {
            String kind = withItem.getParenthesedStatement().getClass().getSimpleName().replace("Parenthesed", "");
            throw new Refusal(kind.toUpperCase(Locale.ROOT) + " inside WITH " + withItem.getAliasName());
        }
        return super.visit(withItem, context);
    }

    @Override
    public <S> Void visit(TableFunction tableFunction, S context) {
        String name = tableFunction.getFunction().getName();
        if (!FunctionPolicy.tableFunctionAllowed(name)) {
            throw new Refusal("table function " + name + "(...) (only generate_series, range and unnest may be "
                    + "used in FROM)");
        }
        super.visit(tableFunction, context);
        walkPivots(tableFunction, context);
        return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
        checkScalar(function.getName());
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression expression, S context) {
        checkScalar(expression.getName());
        super.visit(expression, context);
        walk(expression.getPartitionExpressionList(), context);
        walkOrder(expression.getOrderByElements(), context);
        return null;
    }

    @Override
    public <S> Void visit(NextValExpression expression, S context) {
        throw new Refusal("NEXT VALUE FOR " + expression.getName() + " (it advances a sequence)");
    }

    @Override
    public <S> Void visit(Table table, S context) {
        String name = table.getName();
        if (name != null && name.startsWith("'")) {
            // DuckDB's replacement scans read any file named this way
            throw new Refusal("reading the file " + name + " as a table");
        }
        for (String part : new String[] {table.getSchemaName(), table.getDatabaseName()}) {
            if (part != null && CATALOG_SCHEMAS.contains(TableReferences.lastPart(part).toLowerCase(Locale.ROOT))) {
                throw new Refusal("the engine catalog table " + table.getFullyQualifiedName());
            }
        }
        super.visit(table, context);
        walkPivots(table, context);
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

    /** PIVOT aggregates and IN lists, UNPIVOT IN lists: expressions the finder does not look into. */
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

    private static void checkScalar(String name) {
        if (name != null && !FunctionPolicy.scalarAllowed(name)) {
            throw new Refusal("function " + name + "() (it reaches files, the environment or the engine itself)");
        }
    }
}

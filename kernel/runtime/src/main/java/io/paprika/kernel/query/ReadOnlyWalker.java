package io.paprika.kernel.query;

import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks every part of a query (subqueries, CTEs, joins, function arguments, ORDER BY...) and stops at the first
 * thing a read-only query must not do. Visitors cannot throw checked exceptions, so a refusal travels as
 * {@link Refusal}.
 */
final class ReadOnlyWalker extends QueryWalker {
    /**
     * Schemas that expose the engine's catalog rather than datasets. A plain
     * {@code information_schema.<table>} is allowed: the runtime answers it from its own catalog.
     */
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
        return super.visit(select, context);
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
        return super.visit(tableFunction, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
        checkScalar(function.getName());
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression expression, S context) {
        checkScalar(expression.getName());
        return super.visit(expression, context);
    }

    /**
     * Oracle's q'[...]' quoting hides a {@code ;} from JSqlParser while DuckDB and H2 read {@code q} then an
     * ordinary string, so the statement they run is not the one checked here.
     */
    @Override
    public <S> Void visit(StringValue value, S context) {
        // q'[..]' keeps its prefix; nq'[..]' arrives as a value whose quote is not doubled (an ordinary one would be)
        if ("Q".equalsIgnoreCase(value.getPrefix()) || value.getValue().matches("(?is)n?q'[^'].*")) {
            throw new Refusal("Oracle q'...' quoting (the engines do not read it as one string)");
        }
        return super.visit(value, context);
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
        boolean runtimeCatalog = table.getDatabaseName() == null && table.getSchemaName() != null
                && "information_schema".equalsIgnoreCase(TableReferences.lastPart(table.getSchemaName()));
        for (String part : runtimeCatalog ? new String[0] : new String[] {table.getSchemaName(), table.getDatabaseName()}) {
            if (part != null && CATALOG_SCHEMAS.contains(TableReferences.lastPart(part).toLowerCase(Locale.ROOT))) {
                throw new Refusal("the engine catalog table " + table.getFullyQualifiedName());
            }
        }
        return super.visit(table, context);
    }

    private static void checkScalar(String name) {
        if (name != null && !FunctionPolicy.scalarAllowed(name)) {
            throw new Refusal("function " + name + "() (it reaches files, the environment or the engine itself)");
        }
    }
}

package io.paprika.kernel.query.dialect;

import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * Prints expressions for DuckDB, which reads PostgreSQL syntax; only a few PostgreSQL functions
 * go by other names. Null ordering and integer division are engine settings (see the duckdb plugin).
 */
final class DuckDbExpressions extends Rewriter {
    DuckDbExpressions(StringBuilder out) {
        super(out);
    }

    @Override
    public <S> StringBuilder visit(Function f, S context) {
        String name = FunctionCalls.name(f);
        switch (name) {
            case "btrim":
                return super.visit(renamed(f, "TRIM"), context);
            case "every":
                return super.visit(renamed(f, "BOOL_AND"), context);
            default:
                return super.visit(f, context);
        }
    }

    @Override
    public <S> StringBuilder visit(CastExpression cast, S context) {
        ColDataType type = TypeNames.duckdb(cast.getColDataType());
        if (type != cast.getColDataType()) {
            rewrote();
            cast.setColDataType(type);
        }
        return super.visit(cast, context);
    }

    /** The same call (arguments, DISTINCT, ORDER BY...) under another name; the tree is ours to change. */
    private Function renamed(Function f, String name) {
        rewrote();
        f.setName(name);
        return f;
    }
}

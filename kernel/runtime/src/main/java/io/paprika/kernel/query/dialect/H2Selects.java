package io.paprika.kernel.query.dialect;

import net.sf.jsqlparser.expression.ExpressionVisitor;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.util.deparser.SelectDeParser;

/** Prints query clauses for H2, refusing the joins it has no syntax for. */
final class H2Selects extends SelectDeParser {
    H2Selects(ExpressionVisitor<StringBuilder> expressions, StringBuilder out) {
        super(expressions, out);
    }

    @Override
    public void deparseJoin(Join join) {
        if (join.isFull()) {
            throw new Untranslatable("FULL OUTER JOIN is not available in engine memory (H2); accelerate the datasets "
                    + "with engine duckdb, or combine a LEFT JOIN with the unmatched rows of the other side");
        }
        super.deparseJoin(join);
    }
}

package io.paprika.kernel.query.dialect;

import net.sf.jsqlparser.util.deparser.ExpressionDeParser;

/**
 * An expression deparser that records whether it rewrote anything, so a query needing no change
 * reaches the engine exactly as the user wrote it.
 */
abstract class Rewriter extends ExpressionDeParser {
    private boolean rewrote;

    Rewriter(StringBuilder out) {
        super(null, out);
    }

    final void rewrote() {
        rewrote = true;
    }

    final boolean changed() {
        return rewrote;
    }
}

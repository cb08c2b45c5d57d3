package io.paprika.kernel.query.dialect;

/**
 * Thrown from inside a deparser (whose visit methods cannot throw checked exceptions) when the
 * query uses something the target dialect cannot express; {@link Dialects} reports it.
 */
final class Untranslatable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Untranslatable(String message) {
        super(message);
    }
}

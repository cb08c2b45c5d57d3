package io.paprika.kernel.query.dialect;

import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;

/** Reading a parsed function call: its plain name and its arguments. */
final class FunctionCalls {
    private FunctionCalls() {
    }

    /** The lower-case name without schema, or empty for calls the rewrites leave alone. */
    static String name(Function f) {
        List<String> parts = f.getMultipartName();
        if (parts == null || parts.size() != 1 || f.getParameters() == null || f.getNamedParameters() != null) {
            return "";
        }
        return parts.get(0).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code f} is {@code name()}, unqualified and without arguments. */
    static boolean isNoArgumentCall(Function f, String name) {
        List<String> parts = f.getMultipartName();
        return parts != null && parts.size() == 1 && parts.get(0).equalsIgnoreCase(name)
                && (f.getParameters() == null || f.getParameters().isEmpty()) && f.getNamedParameters() == null;
    }

    static List<Expression> args(Function f) {
        @SuppressWarnings("unchecked")
        List<Expression> args = (List<Expression>) f.getParameters();
        return args;
    }

    /** The argument as text when it is a string literal such as {@code 'year'}, else null. */
    static String literal(Expression e) {
        return e instanceof StringValue s ? s.getValue() : null;
    }

    static Untranslatable wrongArgs(Function f, String expected) {
        return new Untranslatable("function " + f.getName() + " takes " + expected + "; got " + f);
    }
}

package io.paprika.kernel.query.dialect;

import static io.paprika.kernel.query.dialect.FunctionCalls.args;
import static io.paprika.kernel.query.dialect.FunctionCalls.literal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * Prints expressions for H2 (run in its PostgreSQL mode): PostgreSQL intervals, date_part, ISO
 * weeks, and the string functions H2 names differently. Functions H2 lacks entirely are refused
 * by name, so the caller can say which engine has them.
 */
final class H2Expressions extends Rewriter {
    /** DuckDB and DataFusion have these; H2 2.5 (checked) has no equivalent worth emulating. */
    private static final Set<String> MISSING = Set.of("split_part", "reverse", "cbrt", "md5", "sha256",
            "regexp_split_to_array", "string_to_array");

    H2Expressions(StringBuilder out) {
        super(out);
    }

    @Override
    public <S> StringBuilder visit(Function f, S context) {
        if (FunctionCalls.isNoArgumentCall(f, "now")) {
            // H2's NOW() has no time zone; PostgreSQL's and DataFusion's has, as CURRENT_TIMESTAMP does.
            rewrote();
            getBuilder().append("CURRENT_TIMESTAMP");
            return getBuilder();
        }
        String name = FunctionCalls.name(f);
        List<Expression> args = name.isEmpty() ? List.of() : args(f);
        if (MISSING.contains(name)) {
            throw new Untranslatable("function " + f.getName() + "() is not available in engine memory (H2); "
                    + "accelerate the dataset with engine duckdb to use it");
        }
        switch (name) {
            case "date_part":
                rewrote();
                return datePart(f, args, context);
            case "date_trunc":
                if (args.size() == 2 && "week".equalsIgnoreCase(literal(args.get(0)))) {
                    // H2's WEEK starts on Sunday; PostgreSQL truncates to the ISO week's Monday.
                    rewrote();
                    return super.visit(new Function("DATE_TRUNC", new StringValue("ISO_WEEK"), args.get(1)), context);
                }
                return super.visit(f, context);
            case "strpos":
                requireArgs(f, args, 2);
                rewrote();
                return super.visit(new Function("LOCATE", args.get(1), args.get(0)), context);
            case "starts_with":
                return affix(f, args, "LEFT", context);
            case "ends_with":
                return affix(f, args, "RIGHT", context);
            default:
                return super.visit(f, context);
        }
    }

    @Override
    public <S> StringBuilder visit(ExtractExpression e, S context) {
        // PostgreSQL's WEEK is the ISO week; H2's is the locale's.
        if ("week".equalsIgnoreCase(e.getName())) {
            rewrote();
            return super.visit(new ExtractExpression().withName("ISO_WEEK").withExpression(e.getExpression()), context);
        }
        return super.visit(e, context);
    }

    @Override
    public <S> StringBuilder visit(IntervalExpression e, S context) {
        if (e.getParameter() == null) {
            return super.visit(e, context); // INTERVAL <expression> <unit>: H2 reads it as is
        }
        rewrote();
        getBuilder().append(Intervals.h2(e.getParameter(), e.getIntervalType()));
        return getBuilder();
    }

    @Override
    public <S> StringBuilder visit(CastExpression cast, S context) {
        if (TypeNames.isInterval(cast.getColDataType()) && cast.getLeftExpression() instanceof StringValue s) {
            // '90 days'::interval
            rewrote();
            getBuilder().append(Intervals.h2("'" + s.getValue() + "'", null));
            return getBuilder();
        }
        ColDataType type = TypeNames.h2(cast.getColDataType());
        if (type != cast.getColDataType()) {
            rewrote();
            cast.setColDataType(type);
        }
        return super.visit(cast, context);
    }

    /** date_part('year', ts) is EXTRACT(YEAR FROM ts), which H2 has. */
    private <S> StringBuilder datePart(Function f, List<Expression> args, S context) {
        String field = args.size() == 2 ? literal(args.get(0)) : null;
        if (field == null) {
            throw FunctionCalls.wrongArgs(f, "a quoted field name and a value, e.g. date_part('year', ts)");
        }
        ExtractExpression extract = new ExtractExpression().withName(field.toUpperCase(Locale.ROOT))
                .withExpression(args.get(1));
        return visit(extract, context);
    }

    /** starts_with(s, p) as (LEFT(s, CHAR_LENGTH(p)) = p); ends_with with RIGHT. */
    private <S> StringBuilder affix(Function f, List<Expression> args, String side, S context) {
        requireArgs(f, args, 2);
        rewrote();
        getBuilder().append('(');
        super.visit(new Function(side, args.get(0), new Function("CHAR_LENGTH", args.get(1))), context);
        getBuilder().append(" = ");
        args.get(1).accept(this, context);
        getBuilder().append(')');
        return getBuilder();
    }

    private static void requireArgs(Function f, List<Expression> args, int n) {
        if (args.size() != n) {
            throw FunctionCalls.wrongArgs(f, n + " arguments");
        }
    }
}

package io.paprika.kernel.query.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/** The type names of CAST and {@code ::} as each engine spells them. */
final class TypeNames {
    /** DataFusion's DECIMAL without precision; DuckDB would otherwise round to 3 digits, H2 use DECFLOAT. */
    private static final List<String> DEFAULT_DECIMAL = List.of("38", "10");
    private static final Set<String> DECIMALS = Set.of("decimal", "numeric");
    /** Names H2 does not know (STRING) or maps to large objects (TEXT is a CLOB in some modes). */
    private static final Set<String> H2_STRINGS = Set.of("string", "text");

    private TypeNames() {
    }

    static ColDataType h2(ColDataType type) {
        String name = lower(type);
        if (H2_STRINGS.contains(name) && noArguments(type)) {
            return copy(type, "VARCHAR", null);
        }
        return withDecimalDefault(type);
    }

    static ColDataType duckdb(ColDataType type) {
        return withDecimalDefault(type);
    }

    static boolean isInterval(ColDataType type) {
        return "interval".equals(lower(type)) && noArguments(type);
    }

    private static ColDataType withDecimalDefault(ColDataType type) {
        if (DECIMALS.contains(lower(type)) && noArguments(type)) {
            return copy(type, "NUMERIC", DEFAULT_DECIMAL);
        }
        return type;
    }

    private static ColDataType copy(ColDataType type, String name, List<String> arguments) {
        ColDataType out = new ColDataType(name);
        out.setArgumentsStringList(arguments);
        out.setArrayData(type.getArrayData());
        return out;
    }

    private static boolean noArguments(ColDataType type) {
        List<String> args = type.getArgumentsStringList();
        return args == null || args.isEmpty();
    }

    private static String lower(ColDataType type) {
        return type.getDataType() == null ? "" : type.getDataType().trim().toLowerCase(Locale.ROOT);
    }
}

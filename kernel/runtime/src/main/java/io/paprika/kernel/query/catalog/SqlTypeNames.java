package io.paprika.kernel.query.catalog;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** The SQL type name a user sees for an Arrow column type, as DESCRIBE and information_schema show it. */
final class SqlTypeNames {
    private SqlTypeNames() {
    }

    static String of(ArrowType type) {
        if (type instanceof ArrowType.Int i) {
            String name = switch (i.getBitWidth()) {
                case 8 -> "TINYINT";
                case 16 -> "SMALLINT";
                case 32 -> "INTEGER";
                default -> "BIGINT";
            };
            return i.getIsSigned() ? name : "U" + name;
        }
        if (type instanceof ArrowType.FloatingPoint f) {
            return f.getPrecision() == org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE ? "DOUBLE" : "REAL";
        }
        if (type instanceof ArrowType.Decimal d) {
            return "DECIMAL(" + d.getPrecision() + ", " + d.getScale() + ")";
        }
        if (type instanceof ArrowType.Utf8 || type instanceof ArrowType.LargeUtf8 || type instanceof ArrowType.Utf8View) {
            return "VARCHAR";
        }
        if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary
                || type instanceof ArrowType.FixedSizeBinary) {
            return "BLOB";
        }
        if (type instanceof ArrowType.Bool) {
            return "BOOLEAN";
        }
        if (type instanceof ArrowType.Date) {
            return "DATE";
        }
        if (type instanceof ArrowType.Time) {
            return "TIME";
        }
        if (type instanceof ArrowType.Timestamp t) {
            return t.getTimezone() == null ? "TIMESTAMP" : "TIMESTAMP WITH TIME ZONE";
        }
        if (type instanceof ArrowType.Interval || type instanceof ArrowType.Duration) {
            return "INTERVAL";
        }
        if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList) {
            return "LIST";
        }
        if (type instanceof ArrowType.Struct) {
            return "STRUCT";
        }
        if (type instanceof ArrowType.Null) {
            return "NULL";
        }
        return type.toString().toUpperCase(java.util.Locale.ROOT);
    }
}

package io.paprika.accel.duckdb;

import java.sql.Types;
import java.util.Locale;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The Arrow type for a type DuckDB reports through JDBC metadata (a parameter, or a column of a
 * statement that cannot be run empty), as DuckDB's Arrow export would write it. What DuckDB could
 * not resolve, or what has no simple Arrow twin, is text.
 */
final class JdbcArrowTypes {
    static final int MAX_DECIMAL_DIGITS = 38;

    private JdbcArrowTypes() {
    }

    static ArrowType of(int jdbcType, String typeName, int precision, int scale) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        switch (jdbcType) {
            case Types.BOOLEAN:
            case Types.BIT:
                return ArrowType.Bool.INSTANCE;
            case Types.TINYINT:
                return new ArrowType.Int(8, true);
            case Types.SMALLINT:
                return new ArrowType.Int(16, true);
            case Types.INTEGER:
                return new ArrowType.Int(32, true);
            case Types.BIGINT:
                return new ArrowType.Int(64, true);
            case Types.REAL:
            case Types.FLOAT:
                // DuckDB's FLOAT is 4 bytes, though JDBC's FLOAT means a double.
                return new ArrowType.FloatingPoint(name.equals("DOUBLE")
                        ? FloatingPointPrecision.DOUBLE : FloatingPointPrecision.SINGLE);
            case Types.DOUBLE:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case Types.DECIMAL:
            case Types.NUMERIC: {
                int p = precision <= 0 || precision > MAX_DECIMAL_DIGITS ? MAX_DECIMAL_DIGITS : precision;
                int s = Math.max(0, Math.min(scale, p));
                return new ArrowType.Decimal(p, s, 128);
            }
            case Types.BLOB:
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
                return ArrowType.Binary.INSTANCE;
            case Types.DATE:
                return new ArrowType.Date(DateUnit.DAY);
            case Types.TIME:
                return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            case Types.TIMESTAMP:
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
            default:
                return ArrowType.Utf8.INSTANCE;
        }
    }
}

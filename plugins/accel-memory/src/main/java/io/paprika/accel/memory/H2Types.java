package io.paprika.accel.memory;

import io.paprika.spi.AccelerationException;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** The H2 column type that stores an Arrow field without losing values. */
final class H2Types {
    private H2Types() {
    }

    static String columnType(String dataset, Field field) throws AccelerationException {
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Int: {
                ArrowType.Int t = (ArrowType.Int) type;
                int bits = t.getIsSigned() ? t.getBitWidth() : t.getBitWidth() * 2;
                return bits <= 8 ? "TINYINT" : bits <= 16 ? "SMALLINT" : bits <= 32 ? "INTEGER" : bits <= 64 ? "BIGINT" : "NUMERIC(20)";
            }
            case FloatingPoint:
                return ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE
                        ? "DOUBLE PRECISION" : "REAL";
            case Decimal: {
                ArrowType.Decimal t = (ArrowType.Decimal) type;
                return "NUMERIC(" + t.getPrecision() + ", " + t.getScale() + ")";
            }
            case Bool:
                return "BOOLEAN";
            case Utf8:
            case LargeUtf8:
            case Utf8View:
            case Null: // an all-null column, as CSV inference gives for an empty column
                return "CHARACTER VARYING";
            case Binary:
            case LargeBinary:
            case BinaryView:
            case FixedSizeBinary:
                return "BINARY VARYING";
            case Date:
                return "DATE";
            case Time:
                return "TIME(" + fractionDigits(((ArrowType.Time) type).getUnit()) + ")";
            case Timestamp: {
                ArrowType.Timestamp t = (ArrowType.Timestamp) type;
                String base = "TIMESTAMP(" + fractionDigits(t.getUnit()) + ")";
                return t.getTimezone() == null ? base : base + " WITH TIME ZONE";
            }
            default:
                throw new AccelerationException("dataset `" + dataset + "`: column `" + field.getName() + "` has Arrow type "
                        + type + ", which engine memory cannot store (use engine duckdb for nested or interval types)");
        }
    }

    private static int fractionDigits(TimeUnit unit) {
        switch (unit) {
            case SECOND:
                return 0;
            case MILLISECOND:
                return 3;
            case MICROSECOND:
                return 6;
            default:
                return 9;
        }
    }
}

package io.paprika.kernel.flight;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;

/**
 * The SQL types a user of Paprika meets, as {@code GetXdbcTypeInfo} rows. {@code data_type} holds
 * {@link java.sql.Types} codes, the ones the Flight SQL JDBC driver derives from Arrow types in
 * {@code getColumns}, so a tool can join the two. Sizes follow JDBC: digits for exact numbers,
 * bits (radix 2) for floats, characters of the literal for dates and times.
 */
final class XdbcTypeInfo {
    /** The ODBC "datetime" family code and its subcodes, used in sql_data_type/datetime_subcode. */
    private static final int SQL_DATETIME = 9;
    private static final int UNLIMITED = Integer.MAX_VALUE;

    /** One row; null fields are sent as nulls. */
    record Type(String name, int dataType, Integer columnSize, String quote, List<String> createParams,
                boolean caseSensitive, Boolean unsigned, boolean fixedPrecScale, Integer minScale,
                Integer maxScale, Integer datetimeSubcode, Integer radix) {
        int sqlDataType() {
            return datetimeSubcode == null ? dataType : SQL_DATETIME;
        }
    }

    /** Ordered by data_type, as JDBC's getTypeInfo orders them. */
    static final List<Type> TYPES = List.of(
            exact("TINYINT", Types.TINYINT, 3),
            exact("SMALLINT", Types.SMALLINT, 5),
            exact("INTEGER", Types.INTEGER, 10),
            exact("BIGINT", Types.BIGINT, 19),
            new Type("DECIMAL", Types.DECIMAL, 38, null, List.of("precision", "scale"),
                    false, false, true, 0, 38, null, 10),
            floating("FLOAT", Types.FLOAT, 24),
            floating("REAL", Types.REAL, 24),
            floating("DOUBLE", Types.DOUBLE, 53),
            new Type("VARCHAR", Types.VARCHAR, UNLIMITED, "'", List.of("length"),
                    true, null, false, null, null, null, null),
            new Type("BOOLEAN", Types.BOOLEAN, 1, null, null, false, null, false, null, null, null, null),
            datetime("DATE", Types.DATE, 10, 1, null),
            datetime("TIME", Types.TIME, 15, 2, 6),
            datetime("TIMESTAMP", Types.TIMESTAMP, 26, 3, 6),
            datetime("TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE, 32, 5, 6),
            binary("BINARY", Types.BINARY),
            binary("VARBINARY", Types.VARBINARY))
            .stream()
            .sorted(Comparator.comparingInt(Type::dataType))
            .toList();

    private XdbcTypeInfo() {}

    /** Writes {@code types} into a root of {@code GET_TYPE_INFO_SCHEMA} and sets its row count. */
    static void write(VectorSchemaRoot root, List<Type> types) {
        IntVector dataType = (IntVector) root.getVector("data_type");
        IntVector columnSize = (IntVector) root.getVector("column_size");
        ListVector createParams = (ListVector) root.getVector("create_params");
        UnionListWriter params = createParams.getWriter();
        IntVector nullable = (IntVector) root.getVector("nullable");
        BitVector caseSensitive = (BitVector) root.getVector("case_sensitive");
        IntVector searchable = (IntVector) root.getVector("searchable");
        BitVector unsigned = (BitVector) root.getVector("unsigned_attribute");
        BitVector fixedPrecScale = (BitVector) root.getVector("fixed_prec_scale");
        BitVector autoIncrement = (BitVector) root.getVector("auto_increment");
        IntVector minScale = (IntVector) root.getVector("minimum_scale");
        IntVector maxScale = (IntVector) root.getVector("maximum_scale");
        IntVector sqlDataType = (IntVector) root.getVector("sql_data_type");
        IntVector subcode = (IntVector) root.getVector("datetime_subcode");
        IntVector radix = (IntVector) root.getVector("num_prec_radix");
        for (int row = 0; row < types.size(); row++) {
            Type t = types.get(row);
            MetadataStream.setString(root, "type_name", row, t.name());
            MetadataStream.setString(root, "local_type_name", row, t.name());
            MetadataStream.setString(root, "literal_prefix", row, t.quote());
            MetadataStream.setString(root, "literal_suffix", row, t.quote());
            dataType.setSafe(row, t.dataType());
            setInt(columnSize, row, t.columnSize());
            if (t.createParams() != null) {
                params.setPosition(row);
                params.startList();
                t.createParams().forEach(params::writeVarChar);
                params.endList();
            }
            nullable.setSafe(row, DatabaseMetaData.typeNullable);
            caseSensitive.setSafe(row, t.caseSensitive() ? 1 : 0);
            searchable.setSafe(row, DatabaseMetaData.typeSearchable);
            if (t.unsigned() != null) {
                unsigned.setSafe(row, t.unsigned() ? 1 : 0);
            }
            fixedPrecScale.setSafe(row, t.fixedPrecScale() ? 1 : 0);
            autoIncrement.setSafe(row, 0);
            setInt(minScale, row, t.minScale());
            setInt(maxScale, row, t.maxScale());
            sqlDataType.setSafe(row, t.sqlDataType());
            setInt(subcode, row, t.datetimeSubcode());
            setInt(radix, row, t.radix());
        }
        root.setRowCount(types.size());
    }

    private static void setInt(IntVector vector, int row, Integer value) {
        if (value == null) {
            vector.setNull(row);
        } else {
            vector.setSafe(row, value);
        }
    }

    private static Type exact(String name, int code, int digits) {
        return new Type(name, code, digits, null, null, false, false, false, 0, 0, null, 10);
    }

    private static Type floating(String name, int code, int bits) {
        return new Type(name, code, bits, null, null, false, false, false, null, null, null, 2);
    }

    private static Type datetime(String name, int code, int chars, int subcode, Integer fractionDigits) {
        Integer minScale = fractionDigits == null ? null : 0;
        return new Type(name, code, chars, "'", null, false, null, false, minScale, fractionDigits, subcode, null);
    }

    private static Type binary(String name, int code) {
        return new Type(name, code, UNLIMITED, null, null, false, null, false, null, null, null, null);
    }
}

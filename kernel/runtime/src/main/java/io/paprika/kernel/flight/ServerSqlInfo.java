package io.paprika.kernel.flight;

import static org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlOuterJoinsSupportLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedGroupBy;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedResultSetType;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedSubqueries;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedUnions;
import org.apache.arrow.flight.sql.impl.FlightSql.SupportedAnsi92SqlGrammarLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SupportedSqlGrammar;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * What {@code GetSqlInfo} says about Paprika: a read-only SQL server whose engines (DuckDB, H2 in
 * PostgreSQL mode with case-insensitive identifiers) share the features listed here. The Flight SQL
 * JDBC driver answers most {@code DatabaseMetaData.supportsX()} calls from these values and fails
 * on a missing one, so the list is deliberately broad.
 */
final class ServerSqlInfo {
    static final String SERVER_NAME = "Paprika";

    private final SqlInfoBuilder builder = new SqlInfoBuilder();
    private final List<Integer> ids = new ArrayList<>();

    ServerSqlInfo(String serverVersion) {
        set(FLIGHT_SQL_SERVER_NAME, b -> b.withFlightSqlServerName(SERVER_NAME));
        set(FLIGHT_SQL_SERVER_VERSION, b -> b.withFlightSqlServerVersion(serverVersion));
        set(FLIGHT_SQL_SERVER_ARROW_VERSION, b -> b.withFlightSqlServerArrowVersion(arrowVersion()));
        set(FLIGHT_SQL_SERVER_READ_ONLY, b -> b.withFlightSqlServerReadOnly(true));
        set(FLIGHT_SQL_SERVER_SQL, b -> b.withFlightSqlServerSql(true));
        set(FLIGHT_SQL_SERVER_SUBSTRAIT, b -> b.withFlightSqlServerSubstrait(false));
        set(FLIGHT_SQL_SERVER_TRANSACTION, b -> b.withFlightSqlServerTransaction(
                SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE));
        set(SQL_DDL_CATALOG, b -> b.withSqlDdlCatalog(false));
        set(SQL_DDL_SCHEMA, b -> b.withSqlDdlSchema(false));
        set(SQL_DDL_TABLE, b -> b.withSqlDdlTable(false));
        // Both engines match identifiers without regard to case, quoted or not.
        set(SQL_IDENTIFIER_CASE, b -> b.withSqlIdentifierCase(
                SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE));
        set(SQL_QUOTED_IDENTIFIER_CASE, b -> b.withSqlQuotedIdentifierCase(
                SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE));
        set(SQL_IDENTIFIER_QUOTE_CHAR, b -> b.withSqlIdentifierQuoteChar("\""));
        set(SQL_ALL_TABLES_ARE_SELECTABLE, b -> b.withSqlAllTablesAreSelectable(true));
        // As Spice (DataFusion) and PostgreSQL: NULLs sort as the largest values.
        set(SQL_NULL_ORDERING, b -> b.withSqlNullOrdering(SqlNullOrdering.SQL_NULLS_SORTED_HIGH));
        set(SQL_KEYWORDS, b -> b.withSqlKeywords(SqlVocabulary.KEYWORDS));
        set(SQL_NUMERIC_FUNCTIONS, b -> b.withSqlNumericFunctions(SqlVocabulary.NUMERIC_FUNCTIONS));
        set(SQL_STRING_FUNCTIONS, b -> b.withSqlStringFunctions(SqlVocabulary.STRING_FUNCTIONS));
        set(SQL_SYSTEM_FUNCTIONS, b -> b.withSqlSystemFunctions(SqlVocabulary.SYSTEM_FUNCTIONS));
        set(SQL_DATETIME_FUNCTIONS, b -> b.withSqlDatetimeFunctions(SqlVocabulary.DATETIME_FUNCTIONS));
        set(SQL_SEARCH_STRING_ESCAPE, b -> b.withSqlSearchStringEscape("\\"));
        set(SQL_EXTRA_NAME_CHARACTERS, b -> b.withSqlExtraNameCharacters(""));
        set(SQL_SUPPORTS_COLUMN_ALIASING, b -> b.withSqlSupportsColumnAliasing(true));
        set(SQL_NULL_PLUS_NULL_IS_NULL, b -> b.withSqlNullPlusNullIsNull(true));
        set(SQL_SUPPORTS_TABLE_CORRELATION_NAMES, b -> b.withSqlSupportsTableCorrelationNames(true));
        set(SQL_SUPPORTS_DIFFERENT_TABLE_CORRELATION_NAMES,
                b -> b.withSqlSupportsDifferentTableCorrelationNames(false));
        set(SQL_SUPPORTS_EXPRESSIONS_IN_ORDER_BY, b -> b.withSqlSupportsExpressionsInOrderBy(true));
        set(SQL_SUPPORTS_ORDER_BY_UNRELATED, b -> b.withSqlSupportsOrderByUnrelated(true));
        set(SQL_SUPPORTED_GROUP_BY, b -> b.withSqlSupportedGroupBy(
                SqlSupportedGroupBy.SQL_GROUP_BY_UNRELATED, SqlSupportedGroupBy.SQL_GROUP_BY_BEYOND_SELECT));
        set(SQL_SUPPORTS_LIKE_ESCAPE_CLAUSE, b -> b.withSqlSupportsLikeEscapeClause(true));
        set(SQL_SUPPORTS_NON_NULLABLE_COLUMNS, b -> b.withSqlSupportsNonNullableColumns(true));
        set(SQL_SUPPORTED_GRAMMAR, b -> b.withSqlSupportedGrammar(
                SupportedSqlGrammar.SQL_MINIMUM_GRAMMAR, SupportedSqlGrammar.SQL_CORE_GRAMMAR));
        set(SQL_ANSI92_SUPPORTED_LEVEL, b -> b.withSqlAnsi92SupportedLevel(
                SupportedAnsi92SqlGrammarLevel.ANSI92_ENTRY_SQL));
        set(SQL_SUPPORTS_INTEGRITY_ENHANCEMENT_FACILITY, b -> b.withSqlSupportsIntegrityEnhancementFacility(false));
        set(SQL_OUTER_JOINS_SUPPORT_LEVEL, b -> b.withSqlOuterJoinSupportLevel(
                SqlOuterJoinsSupportLevel.SQL_FULL_OUTER_JOINS));
        set(SQL_SCHEMA_TERM, b -> b.withSqlSchemaTerm("schema"));
        set(SQL_PROCEDURE_TERM, b -> b.withSqlProcedureTerm("procedure"));
        set(SQL_CATALOG_TERM, b -> b.withSqlCatalogTerm("catalog"));
        set(SQL_CATALOG_AT_START, b -> b.withSqlCatalogAtStart(true));
        set(SQL_SCHEMAS_SUPPORTED_ACTIONS, b -> b.withSqlSchemasSupportedActions());
        set(SQL_CATALOGS_SUPPORTED_ACTIONS, b -> b.withSqlCatalogsSupportedActions());
        set(SQL_SUPPORTED_POSITIONED_COMMANDS, b -> b.withSqlSupportedPositionedCommands());
        set(SQL_SELECT_FOR_UPDATE_SUPPORTED, b -> b.withSqlSelectForUpdateSupported(false));
        set(SQL_STORED_PROCEDURES_SUPPORTED, b -> b.withSqlStoredProceduresSupported(false));
        set(SQL_SUPPORTED_SUBQUERIES, b -> b.withSqlSubQueriesSupported(
                SqlSupportedSubqueries.SQL_SUBQUERIES_IN_COMPARISONS,
                SqlSupportedSubqueries.SQL_SUBQUERIES_IN_EXISTS,
                SqlSupportedSubqueries.SQL_SUBQUERIES_IN_INS,
                SqlSupportedSubqueries.SQL_SUBQUERIES_IN_QUANTIFIEDS));
        set(SQL_CORRELATED_SUBQUERIES_SUPPORTED, b -> b.withSqlCorrelatedSubqueriesSupported(true));
        set(SQL_SUPPORTED_UNIONS, b -> b.withSqlSupportedUnions(
                SqlSupportedUnions.SQL_UNION, SqlSupportedUnions.SQL_UNION_ALL));
        set(SQL_MAX_ROW_SIZE_INCLUDES_BLOBS, b -> b.withSqlMaxRowSizeIncludesBlobs(false));
        set(SQL_TRANSACTIONS_SUPPORTED, b -> b.withSqlTransactionsSupported(false));
        set(SQL_DEFAULT_TRANSACTION_ISOLATION, b -> b.withSqlDefaultTransactionIsolation(0));
        set(SQL_SUPPORTED_TRANSACTIONS_ISOLATION_LEVELS, b -> b.withSqlSupportedTransactionsIsolationLevels());
        set(SQL_DATA_DEFINITION_CAUSES_TRANSACTION_COMMIT,
                b -> b.withSqlDataDefinitionCausesTransactionCommit(false));
        set(SQL_DATA_DEFINITIONS_IN_TRANSACTIONS_IGNORED, b -> b.withSqlDataDefinitionsInTransactionsIgnored(false));
        set(SQL_SUPPORTED_RESULT_SET_TYPES, b -> b.withSqlSupportedResultSetTypes(
                SqlSupportedResultSetType.SQL_RESULT_SET_TYPE_FORWARD_ONLY));
        set(SQL_BATCH_UPDATES_SUPPORTED, b -> b.withSqlBatchUpdatesSupported(false));
        set(SQL_SAVEPOINTS_SUPPORTED, b -> b.withSqlSavepointsSupported(false));
        set(SQL_NAMED_PARAMETERS_SUPPORTED, b -> b.withSqlNamedParametersSupported(false));
        set(SQL_LOCATORS_UPDATE_COPY, b -> b.withSqlLocatorsUpdateCopy(false));
        set(SQL_STORED_FUNCTIONS_USING_CALL_SYNTAX_SUPPORTED,
                b -> b.withSqlStoredFunctionsUsingCallSyntaxSupported(false));
    }

    /** Every info id this server answers, in the order they were set. */
    List<Integer> ids() {
        return List.copyOf(ids);
    }

    SqlInfoBuilder builder() {
        return builder;
    }

    /**
     * The requested ids this server knows. An id it does not know is skipped rather than failed,
     * so a client asking for newer info still gets the rest ({@link SqlInfoBuilder} would throw).
     */
    List<Integer> known(List<Integer> requested) {
        Set<Integer> known = Set.copyOf(ids);
        return requested.stream().filter(known::contains).toList();
    }

    private void set(SqlInfo id, Consumer<SqlInfoBuilder> value) {
        value.accept(builder);
        ids.add(id.getNumber());
    }

    /** The Arrow library serving the data; the manifest may be gone in a shaded jar. */
    private static String arrowVersion() {
        return Optional.ofNullable(VectorSchemaRoot.class.getPackage().getImplementationVersion())
                .orElse("18.3.0");
    }
}

package io.paprika.kernel.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Validates {@code refresh_sql}: only {@code SELECT * | columns FROM <dataset> [WHERE ...]}. The
 * dataset may be named as written, quoted, or with {@code _} for {@code -}.
 */
final class RefreshSqlParser {

    private RefreshSqlParser() {
    }

    static RefreshSql parse(String sql, String dataset, String keyPath, int line) throws ConfigException {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            throw ConfigException.at(keyPath, line, "is not valid SQL: " + firstLine(e));
        }
        if (!(statement instanceof PlainSelect select)) {
            throw ConfigException.at(keyPath, line, "must be `SELECT * | columns FROM " + dataset + " [WHERE ...]`");
        }
        if (select.getJoins() != null && !select.getJoins().isEmpty() || select.getGroupBy() != null
                || select.getHaving() != null || select.getOrderByElements() != null || select.getLimit() != null
                || select.getDistinct() != null || select.getWithItemsList() != null) {
            throw ConfigException.at(keyPath, line, "only `SELECT * | columns FROM " + dataset
                    + " [WHERE ...]` is allowed: no joins, GROUP BY, ORDER BY, LIMIT, DISTINCT or WITH");
        }
        if (!(select.getFromItem() instanceof Table table) || !namesDataset(table, dataset)) {
            throw ConfigException.at(keyPath, line, "must select FROM the dataset itself (`" + dataset + "`), found `"
                    + select.getFromItem() + "`");
        }
        List<String> columns = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllColumns) {
                if (select.getSelectItems().size() > 1) {
                    throw ConfigException.at(keyPath, line, "use either `*` or a list of columns, not both");
                }
            } else if (e instanceof Column c && item.getAlias() == null) {
                columns.add(unquote(c.getColumnName()));
            } else {
                throw ConfigException.at(keyPath, line, "select plain columns only, found `" + item + "`");
            }
        }
        Optional<String> filter = Optional.empty();
        if (select.getWhere() != null) {
            Expression where = select.getWhere();
            // The filter is applied to the source's rows: drop any `dataset.` qualifier on columns.
            where.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(Column column, S context) {
                    column.setTable(null);
                    return null;
                }
            }, null);
            filter = Optional.of(where.toString());
        }
        return new RefreshSql(sql.strip(), columns, filter);
    }

    private static boolean namesDataset(Table table, String dataset) {
        if (table.getSchemaName() != null) {
            return false;
        }
        String name = unquote(table.getName());
        return name.equalsIgnoreCase(dataset) || name.equalsIgnoreCase(dataset.replace('-', '_'));
    }

    static String unquote(String identifier) {
        String s = identifier;
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

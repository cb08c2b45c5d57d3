package io.paprika.kernel.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paprika.kernel.config.ConfigException;
import io.paprika.kernel.config.ViewSpec;
import io.paprika.kernel.query.plan.SqlAnalysis;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private static final Set<String> DATASETS = Set.of("orders", "customers");

    private static String expand(Views views, String sql) throws Exception {
        Statement st = CCJSqlParserUtil.parse(sql);
        return views.expand(st, SqlAnalysis.of(st)).toString();
    }

    @Test
    void aQueryGetsTheViewsItReadsDependenciesFirst() throws Exception {
        Views views = Views.of(List.of(new ViewSpec("big", "SELECT * FROM open_orders WHERE amount > 5", 3),
                new ViewSpec("open_orders", "SELECT * FROM orders WHERE status = 'open'", 5)), DATASETS);
        assertEquals("WITH \"open_orders\" AS (SELECT * FROM orders WHERE status = 'open'), "
                + "\"big\" AS (SELECT * FROM open_orders WHERE amount > 5) SELECT count(*) FROM BIG",
                expand(views, "SELECT count(*) FROM BIG"));
        assertEquals("SELECT * FROM orders", expand(views, "SELECT * FROM orders"));
    }

    @Test
    void theQuerysOwnCommonTableExpressionsFollowAndShadowViews() throws Exception {
        Views views = Views.of(List.of(new ViewSpec("v", "SELECT 1 AS x", 3)), DATASETS);
        assertEquals("WITH \"v\" AS (SELECT 1 AS x), w AS (SELECT * FROM v) SELECT * FROM w",
                expand(views, "WITH w AS (SELECT * FROM v) SELECT * FROM w"));
        assertEquals("WITH v AS (SELECT 2) SELECT * FROM v", expand(views, "WITH v AS (SELECT 2) SELECT * FROM v"));
    }

    @Test
    void aViewOverAMissingTableIsAConfigErrorNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> Views.of(
                List.of(new ViewSpec("v", "SELECT * FROM ordrs", 7)), DATASETS));
        assertTrue(e.getMessage().contains("`views[0]` (line 7): view `v` reads `ordrs`, which is not a dataset or view"),
                e.getMessage());
    }

    @Test
    void badViewsAreConfigErrors() {
        assertTrue(assertThrows(ConfigException.class, () -> Views.of(
                List.of(new ViewSpec("orders", "SELECT 1", 2)), DATASETS)).getMessage().contains("already used"));
        assertTrue(assertThrows(ConfigException.class, () -> Views.of(
                List.of(new ViewSpec("v", "DROP TABLE orders", 2)), DATASETS)).getMessage().contains("must be a query"));
        assertTrue(assertThrows(ConfigException.class, () -> Views.of(
                List.of(new ViewSpec("v", "SELEC 1", 2)), DATASETS)).getMessage().contains("does not parse"));
        assertTrue(assertThrows(ConfigException.class, () -> Views.of(List.of(new ViewSpec("a", "SELECT * FROM b", 2),
                new ViewSpec("b", "SELECT * FROM a", 3)), DATASETS)).getMessage().contains("cycle"));
    }
}

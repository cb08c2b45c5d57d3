package io.paprika.kernel.query.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

class SqlAnalysisTest {

    private static SqlAnalysis of(String sql) throws Exception {
        return SqlAnalysis.of(CCJSqlParserUtil.parse(sql));
    }

    @Test
    void listsTablesButNotCommonTableExpressionsWhateverTheirQuoting() throws Exception {
        SqlAnalysis a = of("WITH \"recent\" AS (SELECT * FROM orders) SELECT r.id FROM Recent r "
                + "JOIN customers c ON r.customer_id = c.id WHERE c.id IN (SELECT id FROM vip)");
        assertEquals(List.of("orders", "customers", "vip"), a.tables().stream().map(t -> t.getName()).toList());
    }

    @Test
    void findsTablesInEveryClauseAndInFromFirstQueries() throws Exception {
        assertEquals(List.of("customers", "orders", "vip"), of("SELECT name FROM customers GROUP BY name "
                + "ORDER BY (SELECT max(amount) FROM orders), (SELECT 1 FROM vip LIMIT 1)").tables().stream()
                .map(t -> t.getName()).toList());
        assertEquals(List.of("orders", "products"), of("FROM orders o JOIN products p ON p.id = o.pid").tables().stream().map(t -> t.getName()).toList());
    }

    @Test
    void collectsColumnsLowerCaseAndStar() throws Exception {
        SqlAnalysis a = of("SELECT o.\"Amount\", count(status) FROM orders o GROUP BY 1");
        assertEquals(Set.of("amount", "status"), a.columns());
        assertFalse(a.selectsStar());
        assertTrue(of("SELECT o.* FROM orders o").selectsStar());
        assertTrue(of("SELECT id FROM (SELECT * FROM orders) x").selectsStar());
    }
}

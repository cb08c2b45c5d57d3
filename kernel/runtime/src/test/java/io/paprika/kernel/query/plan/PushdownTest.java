package io.paprika.kernel.query.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;

class PushdownTest {
    private static final Map<String, Set<String>> SCHEMAS = Map.of(
            "orders", Set.of("id", "customer_id", "amount", "status"),
            "customers", Set.of("id", "name", "region"));

    private static Pushdown pushdown(String sql) throws Exception {
        Statement st = CCJSqlParserUtil.parse(sql);
        Map<String, Integer> refs = new HashMap<>();
        for (Table t : SqlAnalysis.of(st).tables()) {
            refs.merge(t.getName().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return Pushdown.of(st, t -> Optional.of(t.getName().toLowerCase(Locale.ROOT)).filter(SCHEMAS::containsKey),
                name -> Optional.ofNullable(SCHEMAS.get(name)), refs);
    }

    @Test
    void filtersGoToTheTableTheirColumnsBelongTo() throws Exception {
        Pushdown p = pushdown("SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer_id = c.id "
                + "WHERE o.status = 'open' AND c.region LIKE 'e%' AND amount > 2 AND o.amount < c.id");
        assertEquals(List.of("status = 'open'", "amount > 2"), p.filters().get("orders"));
        assertEquals(List.of("region LIKE 'e%'"), p.filters().get("customers"));
        assertEquals(OptionalLong.empty(), p.limit());
    }

    @Test
    void ambiguousUnqualifiedColumnsStayAbove() throws Exception {
        Pushdown p = pushdown("SELECT * FROM orders o JOIN customers c ON o.customer_id = c.id WHERE id = 1");
        assertTrue(p.filters().isEmpty());
    }

    @Test
    void nothingMovesToTheNullSupplyingSideOfAnOuterJoin() throws Exception {
        Pushdown p = pushdown("SELECT * FROM orders o LEFT JOIN customers c ON o.customer_id = c.id "
                + "WHERE c.name IS NULL AND o.status = 'open'");
        assertEquals(List.of("status = 'open'"), p.filters().get("orders"));
        assertEquals(null, p.filters().get("customers"));
        Pushdown right = pushdown("SELECT * FROM orders o RIGHT JOIN customers c ON o.customer_id = c.id "
                + "WHERE o.status = 'open' AND c.name = 'Ann'");
        assertEquals(List.of("name = 'Ann'"), right.filters().get("customers"));
        assertEquals(null, right.filters().get("orders"));
    }

    @Test
    void subqueriesParametersAndAggregatesStayAbove() throws Exception {
        Pushdown p = pushdown("SELECT * FROM orders WHERE status = 'x' AND amount > ? "
                + "AND id = (SELECT max(id) FROM customers) AND amount > (SELECT 1) AND sum(amount) OVER () > 1");
        assertEquals(List.of("status = 'x'"), p.filters().get("orders"));
    }

    @Test
    void aTableReadTwiceGetsNoFilter() throws Exception {
        Pushdown p = pushdown("SELECT * FROM orders a JOIN orders b ON a.id = b.id WHERE a.status = 'open'");
        assertTrue(p.filters().isEmpty());
    }

    @Test
    void limitMovesOnlyForPlainRowsOfOneFullyFilteredTable() throws Exception {
        assertEquals(OptionalLong.of(15), pushdown("SELECT id, status FROM orders WHERE amount > 1 LIMIT 5 OFFSET 10").limit());
        assertEquals(OptionalLong.of(3), pushdown("SELECT * FROM orders LIMIT 3").limit());
        assertEquals(OptionalLong.empty(), pushdown("SELECT id FROM orders ORDER BY id LIMIT 3").limit());
        assertEquals(OptionalLong.empty(), pushdown("SELECT count(*) FROM orders LIMIT 3").limit());
        assertEquals(OptionalLong.empty(), pushdown("SELECT id FROM orders WHERE amount > ? LIMIT 3").limit());
        assertEquals(OptionalLong.empty(), pushdown("SELECT DISTINCT status FROM orders LIMIT 3").limit());
    }
}

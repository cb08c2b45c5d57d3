package io.paprika.distribution;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The cases of the dialect suite (resources dialect/cases.yaml) and how a result is matched to one. */
final class DialectCases {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Engines compute avg() and double arithmetic in different orders; the last digits may differ. */
    private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("1e-9");

    /** One query and the rows PostgreSQL gives for it. */
    record Case(String name, String sql, List<List<Object>> rows, boolean unordered, boolean needsFallback) {
        Case {
            requireNonNull(name, "name");
            requireNonNull(sql, "sql");
            requireNonNull(rows, "rows of case " + name);
        }
    }

    private DialectCases() {
    }

    @SuppressWarnings("unchecked")
    static List<Case> load() throws IOException {
        try (InputStream in = DialectCases.class.getResourceAsStream("/dialect/cases.yaml")) {
            requireNonNull(in, "dialect/cases.yaml is not on the test class path");
            List<Map<String, Object>> raw = new Yaml().load(in);
            List<Case> out = new ArrayList<>();
            for (Map<String, Object> c : raw) {
                Object needs = c.get("needs");
                if (needs != null && !"fallback".equals(needs)) {
                    throw new IllegalArgumentException("case " + c.get("name") + ": needs is `" + needs + "`; use fallback");
                }
                out.add(new Case((String) c.get("name"), ((String) c.get("sql")).strip(),
                        (List<List<Object>>) c.get("rows"), Boolean.TRUE.equals(c.get("unordered")), needs != null));
            }
            return out;
        }
    }

    /** Why the JSON body of /v1/sql does not give the case's rows, or null when it does. */
    static String mismatch(Case c, String body) throws IOException {
        List<List<JsonNode>> actual = new ArrayList<>();
        for (JsonNode row : JSON.readTree(body)) {
            List<JsonNode> values = new ArrayList<>();
            for (Iterator<JsonNode> it = row.elements(); it.hasNext();) {
                values.add(it.next());
            }
            actual.add(values);
        }
        List<List<Object>> expected = new ArrayList<>(c.rows());
        if (actual.size() != expected.size()) {
            return "expected " + expected.size() + " rows, got " + actual.size();
        }
        if (c.unordered()) {
            // Each actual row takes the first expected row it matches.
            for (List<JsonNode> row : actual) {
                int i = 0;
                while (i < expected.size() && !sameRow(expected.get(i), row)) {
                    i++;
                }
                if (i == expected.size()) {
                    return "row " + row + " is not among the expected rows";
                }
                expected.remove(i);
            }
            return null;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!sameRow(expected.get(i), actual.get(i))) {
                return "row " + (i + 1) + " differs: expected " + expected.get(i) + ", got " + actual.get(i);
            }
        }
        return null;
    }

    private static boolean sameRow(List<Object> expected, List<JsonNode> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!sameValue(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Equal as SQL values: numbers by value (2 = 2.0, 2.9 within rounding), the rest exactly. */
    static boolean sameValue(Object expected, JsonNode actual) {
        if (expected == null || actual.isNull()) {
            return expected == null && actual.isNull();
        }
        if (expected instanceof Boolean b) {
            return actual.isBoolean() && actual.booleanValue() == b;
        }
        if (expected instanceof Number n) {
            return actual.isNumber() && closeEnough(new BigDecimal(n.toString()), actual.decimalValue());
        }
        return actual.isTextual() && actual.textValue().equals(expected.toString());
    }

    private static boolean closeEnough(BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) == 0) {
            return true;
        }
        BigDecimal allowed = expected.abs().multiply(RELATIVE_TOLERANCE, MathContext.DECIMAL64);
        return expected.subtract(actual).abs().compareTo(allowed) <= 0;
    }
}

package io.paprika.kernel.query.dialect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL interval text ({@code '90 days'}, {@code '1 day 2 hours'}, {@code '-3 weeks'}) as H2
 * interval literals, which take one number per unit ({@code INTERVAL '90' DAY}).
 */
final class Intervals {
    /** PostgreSQL's unit spellings, singular and plural and abbreviated, by the SQL unit they mean. */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("year", "YEAR"), Map.entry("years", "YEAR"), Map.entry("y", "YEAR"), Map.entry("yr", "YEAR"),
            Map.entry("yrs", "YEAR"), Map.entry("month", "MONTH"), Map.entry("months", "MONTH"), Map.entry("mon", "MONTH"),
            Map.entry("mons", "MONTH"), Map.entry("week", "WEEK"), Map.entry("weeks", "WEEK"), Map.entry("w", "WEEK"),
            Map.entry("day", "DAY"), Map.entry("days", "DAY"), Map.entry("d", "DAY"), Map.entry("hour", "HOUR"),
            Map.entry("hours", "HOUR"), Map.entry("h", "HOUR"), Map.entry("hr", "HOUR"), Map.entry("hrs", "HOUR"),
            Map.entry("minute", "MINUTE"), Map.entry("minutes", "MINUTE"), Map.entry("min", "MINUTE"),
            Map.entry("mins", "MINUTE"), Map.entry("m", "MINUTE"), Map.entry("second", "SECOND"),
            Map.entry("seconds", "SECOND"), Map.entry("sec", "SECOND"), Map.entry("secs", "SECOND"),
            Map.entry("s", "SECOND"));

    private static final Set<String> PLAIN_UNITS = Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND");

    private Intervals() {
    }

    /**
     * The H2 expression for an interval given as quoted text and an optional unit after it
     * ({@code '90 days'} and null, or {@code '2'} and {@code WEEK}).
     */
    static String h2(String quotedText, String unit) {
        String text = unquote(quotedText);
        List<String[]> parts = unit == null ? parts(text) : List.<String[]>of(new String[] {text.trim(), unit});
        boolean yearMonth = false;
        boolean dayTime = false;
        List<String> literals = new ArrayList<>();
        for (String[] p : parts) {
            String u = p[1].toUpperCase(Locale.ROOT);
            String amount = p[0];
            if (u.equals("WEEK")) {
                amount = number(amount, quotedText).multiply(BigDecimal.valueOf(7)).toPlainString();
                u = "DAY";
            }
            if (!PLAIN_UNITS.contains(u)) {
                // A qualifier such as DAY TO SECOND: H2 reads the same literal as PostgreSQL does.
                return "INTERVAL " + quotedText + " " + unit;
            }
            number(amount, quotedText);
            yearMonth |= u.equals("YEAR") || u.equals("MONTH");
            dayTime |= !(u.equals("YEAR") || u.equals("MONTH"));
            literals.add("INTERVAL '" + amount + "' " + u);
        }
        if (yearMonth && dayTime) {
            throw new Untranslatable("the interval " + quotedText + " mixes years or months with days or times, "
                    + "which engine memory (H2) cannot hold in one interval; add two intervals instead, e.g. "
                    + "ts + INTERVAL '1 month' + INTERVAL '2 days'");
        }
        return literals.size() == 1 ? literals.get(0) : "(" + String.join(" + ", literals) + ")";
    }

    /** {@code 1 day 2 hours} as (amount, unit) pairs. */
    private static List<String[]> parts(String text) {
        String[] words = text.trim().replace(",", " ").split("\\s+");
        if (words.length % 2 != 0 || text.isBlank()) {
            throw unreadable(text);
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < words.length; i += 2) {
            String unit = UNITS.get(words[i + 1].toLowerCase(Locale.ROOT));
            if (unit == null) {
                throw unreadable(text);
            }
            out.add(new String[] {words[i], unit});
        }
        return out;
    }

    private static BigDecimal number(String amount, String quotedText) {
        try {
            BigDecimal n = new BigDecimal(amount);
            if (n.stripTrailingZeros().scale() > 0) {
                throw new Untranslatable("the interval " + quotedText + " has a fractional amount, which engine memory "
                        + "(H2) cannot take; use a smaller unit, e.g. '90 minutes' for '1.5 hours'");
            }
            return n;
        } catch (NumberFormatException e) {
            throw unreadable(quotedText);
        }
    }

    private static Untranslatable unreadable(String text) {
        return new Untranslatable("cannot read the interval '" + unquote(text) + "' for engine memory (H2); write it "
                + "as amounts and units, e.g. INTERVAL '90 days' or INTERVAL '1 day 2 hours'");
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            return t.substring(1, t.length() - 1).replace("''", "'");
        }
        return t;
    }
}

package io.paprika.kernel.flight;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * SQL {@code LIKE} patterns as Flight SQL metadata filters use them: {@code %} any run of
 * characters, {@code _} exactly one, {@code \} makes the next character literal.
 */
final class SqlLike {
    private SqlLike() {}

    /** A Java regex that matches exactly what {@code pattern} matches (compile with DOTALL). */
    static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal(regex, pattern.charAt(++i));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                // a trailing backslash escapes nothing, so it stands for itself
                literal(regex, c);
            }
        }
        return regex.toString();
    }

    /** A test for whole-name matches; the caller decides what an absent pattern means. */
    static Predicate<String> matcher(String pattern) {
        Pattern compiled = Pattern.compile(toRegex(pattern), Pattern.DOTALL);
        return name -> compiled.matcher(name).matches();
    }

    private static void literal(StringBuilder regex, char c) {
        // Backslash before an ASCII letter or digit may mean a regex construct; before anything
        // else in ASCII it always means the character itself. Non-ASCII is never special.
        boolean plain = c > 127 || Character.isLetterOrDigit(c);
        if (!plain) {
            regex.append('\\');
        }
        regex.append(c);
    }
}

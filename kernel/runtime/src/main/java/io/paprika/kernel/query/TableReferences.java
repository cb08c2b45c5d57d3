package io.paprika.kernel.query;

/** How a (possibly qualified, possibly quoted) SQL name is read: its last part, unquoted. */
final class TableReferences {
    private TableReferences() {
    }

    /** {@code "my-ds"} gives {@code my-ds}; {@code public.products} gives {@code products}. */
    static String lastPart(String qualified) {
        String s = qualified;
        int dot = lastDotOutsideQuotes(s);
        if (dot >= 0) {
            s = s.substring(dot + 1);
        }
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`"))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static int lastDotOutsideQuotes(String s) {
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                last = i;
            }
        }
        return last;
    }
}

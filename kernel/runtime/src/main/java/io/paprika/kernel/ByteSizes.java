package io.paprika.kernel;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as operators write them: {@code 1048576}, {@code 512KiB}, {@code 100MiB}, {@code 1GiB} (also KB/MB/GB). */
public final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kib|kb|k|mib|mb|m|gib|gb|g)?");

    private ByteSizes() {
    }

    /** The size in bytes, at most {@link Integer#MAX_VALUE}; the error names the flag. */
    public static int parse(String text, String flag) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(flag + ": `" + text + "` is not a size (for example 100MiB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long bytes = switch (unit.charAt(0)) {
            case 'k' -> n << 10;
            case 'm' -> n << 20;
            case 'g' -> n << 30;
            default -> n;
        };
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(flag + ": `" + text + "` is larger than 2 GiB");
        }
        return (int) bytes;
    }
}

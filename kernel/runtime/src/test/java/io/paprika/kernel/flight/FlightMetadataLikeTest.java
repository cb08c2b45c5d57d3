package io.paprika.kernel.flight;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FlightMetadataLikeTest {
    private static boolean like(String pattern, String name) {
        return Pattern.compile(SqlLike.toRegex(pattern), Pattern.DOTALL).matcher(name).matches();
    }

    @Test
    void percentIsAnyRunAndUnderscoreOneChar() {
        assertTrue(like("%", ""));
        assertTrue(like("or%", "orders"));
        assertTrue(like("%der%", "orders"));
        assertFalse(like("or%", "xorders"));
        assertTrue(like("o_ders", "orders"));
        assertFalse(like("o_ders", "oders"));
        assertFalse(like("o_ders", "ooorders"));
        assertTrue(like("a%", "a\nb"));
    }

    @Test
    void matchesTheWholeName() {
        assertFalse(like("order", "orders"));
        assertFalse(like("rders", "orders"));
    }

    @Test
    void backslashEscapes() {
        assertTrue(like("a\\_b", "a_b"));
        assertFalse(like("a\\_b", "axb"));
        assertTrue(like("50\\%", "50%"));
        assertFalse(like("50\\%", "500"));
        assertTrue(like("a\\\\b", "a\\b"));
        assertTrue(like("ab\\", "ab\\"));
    }

    @Test
    void regexMetacharactersAreLiteral() {
        assertTrue(like("a.b", "a.b"));
        assertFalse(like("a.b", "axb"));
        assertTrue(like("(x)[y]{2}+*?^$|", "(x)[y]{2}+*?^$|"));
        assertFalse(like("x+", "xx"));
        assertTrue(like("\\Q%\\E", "Q-E"));
        assertTrue(like("café_ü", "café-ü"));
        assertTrue(like("d1\\d", "d1d"));
        assertFalse(like("d1\\d", "d17"));
    }
}

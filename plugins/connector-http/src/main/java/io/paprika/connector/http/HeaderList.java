package io.paprika.connector.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Parses the {@code http_headers} param: {@code Name: value; Other-Name: value}. */
final class HeaderList {
    private HeaderList() {
    }

    /**
     * The headers in order, or empty when an entry has no name or no colon. Values are never put
     * in errors: this param is a secret.
     */
    static Optional<Map<String, String>> parse(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String entry : text.split("[;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String name = entry.substring(0, colon).trim();
            if (name.isEmpty() || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                return Optional.empty();
            }
            headers.put(name, entry.substring(colon + 1).trim());
        }
        return Optional.of(headers);
    }
}

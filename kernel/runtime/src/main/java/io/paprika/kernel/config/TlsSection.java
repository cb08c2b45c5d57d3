package io.paprika.kernel.config;

import java.util.Optional;
import java.util.Set;

/** Reads {@code runtime.tls} strictly; turning TLS on without both files is an error here, not at start-up. */
final class TlsSection {

    private TlsSection() {
    }

    static TlsSpec parse(YamlMap m) throws ConfigException {
        m.allowOnly(Set.of("enabled", "certificate_file", "key_file"));
        // A section that names the files means TLS unless it says otherwise.
        boolean enabled = m.bool("enabled").orElse(true);
        Optional<String> cert = m.string("certificate_file").filter(s -> !s.isBlank());
        Optional<String> key = m.string("key_file").filter(s -> !s.isBlank());
        if (enabled) {
            for (String k : new String[] {"certificate_file", "key_file"}) {
                if ((k.equals("key_file") ? key : cert).isEmpty()) {
                    throw ConfigException.at(m.child(k), m.lineOf(k), "is required when TLS is enabled (a PEM file; "
                            + "relative paths are resolved against the spicepod's folder), or set `enabled: false`");
                }
            }
        }
        return new TlsSpec(enabled, cert, key);
    }
}

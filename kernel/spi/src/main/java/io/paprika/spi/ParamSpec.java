package io.paprika.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One parameter a connector or accelerator accepts, declared as data so the kernel can reject
 * unknown params by name and never log a secret.
 */
public record ParamSpec(String name, boolean secret, Optional<String> defaultValue, String description) {

    public ParamSpec {
        requireNonNull(name, "name");
        requireNonNull(defaultValue, "defaultValue");
        requireNonNull(description, "description");
    }

    public static ParamSpec of(String name, String description) {
        return new ParamSpec(name, false, Optional.empty(), description);
    }

    public static ParamSpec withDefault(String name, String defaultValue, String description) {
        return new ParamSpec(name, false, Optional.of(defaultValue), description);
    }

    public static ParamSpec secret(String name, String description) {
        return new ParamSpec(name, true, Optional.empty(), description);
    }
}

package io.paprika.kernel.plugin;

import java.util.List;

/** A bundle as {@code /v1/status} shows it, with the state of each of its components. */
public record BundleStatus(long id, String name, String version, String state, String location,
        List<ComponentStatus> components) {

    /** A Declarative Services component: its state and, if it failed, why. */
    public record ComponentStatus(String name, String state, String failure) {
    }
}

package io.paprika.kernel.plugin;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One registered connector or accelerator service and the bundle that provides it.
 *
 * @param kind    {@code connector} or {@code accelerator}
 * @param names   the schemes or engine names it serves
 * @param service the service object
 * @param serviceId the OSGi service id, unique per registration
 */
public record PluginRef(String kind, List<String> names, Object service, long serviceId, String bundleName,
        String bundleVersion) {

    public PluginRef {
        requireNonNull(kind, "kind");
        names = List.copyOf(requireNonNull(names, "names"));
        requireNonNull(service, "service");
        requireNonNull(bundleName, "bundleName");
        requireNonNull(bundleVersion, "bundleVersion");
    }

    public String bundle() {
        return bundleName + " " + bundleVersion;
    }
}

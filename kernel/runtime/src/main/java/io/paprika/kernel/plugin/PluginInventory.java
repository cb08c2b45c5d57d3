package io.paprika.kernel.plugin;

import static java.util.Objects.requireNonNull;

import io.paprika.kernel.config.SecretMask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is installed: every bundle with its state, and each Declarative Services component with
 * its state and failure (read from SCR). Logs each new component failure once.
 */
public final class PluginInventory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginInventory.class);

    private final BundleContext context;
    private final ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr;
    private final Set<String> reportedFailures = new HashSet<>();

    public PluginInventory(BundleContext context) {
        this.context = requireNonNull(context, "context");
        this.scr = new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        this.scr.open();
    }

    public List<BundleStatus> bundles() {
        List<BundleStatus> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0) {
                continue;
            }
            out.add(new BundleStatus(b.getBundleId(), String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                    state(b.getState()), shortLocation(b.getLocation()), components(b)));
        }
        return out;
    }

    private List<BundleStatus.ComponentStatus> components(Bundle bundle) {
        ServiceComponentRuntime runtime = scr.getService();
        List<BundleStatus.ComponentStatus> out = new ArrayList<>();
        if (runtime == null) {
            return out;
        }
        for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs(bundle)) {
            List<ComponentConfigurationDTO> configs = new ArrayList<>(runtime.getComponentConfigurationDTOs(d));
            if (configs.isEmpty()) {
                out.add(new BundleStatus.ComponentStatus(d.name, runtime.isComponentEnabled(d) ? "unsatisfied" : "disabled", null));
            }
            for (ComponentConfigurationDTO c : configs) {
                out.add(new BundleStatus.ComponentStatus(d.name, componentState(c.state),
                        c.failure == null ? null : SecretMask.mask(c.failure)));
            }
        }
        return out;
    }

    /** Logs every component failure not logged before; called periodically. */
    public void logNewFailures() {
        for (BundleStatus b : bundles()) {
            for (BundleStatus.ComponentStatus c : b.components()) {
                if ("failed activation".equals(c.state()) && reportedFailures.add(b.id() + "/" + c.name())) {
                    LOG.error("plugin {} {} ({}): component {} failed to activate: {}", b.name(), b.version(),
                            b.location(), c.name(), firstLine(c.failure()));
                }
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no reason given)";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private static String shortLocation(String location) {
        int plugins = location.lastIndexOf("/plugins/");
        int system = location.lastIndexOf("/system/");
        int cut = Math.max(plugins, system);
        return cut < 0 ? location : location.substring(cut + 1);
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.ACTIVE -> "active";
            default -> "uninstalled";
        };
    }

    static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "active";
            case ComponentConfigurationDTO.SATISFIED -> "satisfied";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "unsatisfied reference";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "unsatisfied configuration";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed activation";
            default -> "unknown";
        };
    }

    @Override
    public void close() {
        scr.close();
    }
}

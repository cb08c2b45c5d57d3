package io.paprika.kernel.plugin;

import static java.util.Objects.requireNonNull;

import io.paprika.spi.Accelerator;
import io.paprika.spi.Connector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks connector and accelerator services, keyed by the schemes and engine names in their
 * service properties, and tells listeners when one comes or goes.
 */
public final class PluginRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Map<String, PluginRef> connectors = new ConcurrentHashMap<>();
    private final Map<String, PluginRef> accelerators = new ConcurrentHashMap<>();
    private final List<PluginListener> listeners = new CopyOnWriteArrayList<>();
    private final ServiceTracker<Connector, PluginRef> connectorTracker;
    private final ServiceTracker<Accelerator, PluginRef> acceleratorTracker;

    public PluginRegistry(BundleContext context) {
        requireNonNull(context, "context");
        connectorTracker = new ServiceTracker<>(context, Connector.class,
                new Customizer<>(context, "connector", Connector.SCHEMES, connectors));
        acceleratorTracker = new ServiceTracker<>(context, Accelerator.class,
                new Customizer<>(context, "accelerator", Accelerator.ENGINES, accelerators));
    }

    public void addListener(PluginListener listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    public void open() {
        connectorTracker.open();
        acceleratorTracker.open();
    }

    public Optional<PluginRef> connector(String scheme) {
        return Optional.ofNullable(connectors.get(scheme.toLowerCase(Locale.ROOT)));
    }

    public Optional<PluginRef> accelerator(String engine) {
        return Optional.ofNullable(accelerators.get(engine.toLowerCase(Locale.ROOT)));
    }

    /** Engine names served now. */
    public List<String> engines() {
        return new ArrayList<>(accelerators.keySet());
    }

    @Override
    public void close() {
        connectorTracker.close();
        acceleratorTracker.close();
    }

    private final class Customizer<S> implements ServiceTrackerCustomizer<S, PluginRef> {
        private final BundleContext context;
        private final String kind;
        private final String property;
        private final Map<String, PluginRef> byName;

        Customizer(BundleContext context, String kind, String property, Map<String, PluginRef> byName) {
            this.context = context;
            this.kind = kind;
            this.property = property;
            this.byName = byName;
        }

        @Override
        public PluginRef addingService(ServiceReference<S> reference) {
            S service = context.getService(reference);
            if (service == null) {
                return null;
            }
            List<String> names = names(reference.getProperty(property));
            PluginRef ref = new PluginRef(kind, names, service, (Long) reference.getProperty("service.id"),
                    reference.getBundle().getSymbolicName(), reference.getBundle().getVersion().toString());
            if (names.isEmpty()) {
                LOG.warn("{} from bundle {} declares no `{}` property; ignored", kind, ref.bundle(), property);
                return ref;
            }
            names.forEach(n -> byName.put(n, ref));
            LOG.info("{} {} available (bundle {})", kind, String.join(", ", names), ref.bundle());
            listeners.forEach(l -> l.pluginAdded(ref));
            return ref;
        }

        @Override
        public void modifiedService(ServiceReference<S> reference, PluginRef ref) {
        }

        @Override
        public void removedService(ServiceReference<S> reference, PluginRef ref) {
            ref.names().forEach(n -> byName.remove(n, ref));
            LOG.info("{} {} gone (bundle {})", kind, String.join(", ", ref.names()), ref.bundle());
            listeners.forEach(l -> l.pluginRemoved(ref));
            context.ungetService(reference);
        }

        private static List<String> names(Object value) {
            List<String> out = new ArrayList<>();
            if (value instanceof String s) {
                out.add(s.toLowerCase(Locale.ROOT));
            } else if (value instanceof String[] arr) {
                for (String s : arr) {
                    out.add(s.toLowerCase(Locale.ROOT));
                }
            } else if (value instanceof Iterable<?> it) {
                it.forEach(o -> out.add(String.valueOf(o).toLowerCase(Locale.ROOT)));
            }
            return out;
        }
    }
}

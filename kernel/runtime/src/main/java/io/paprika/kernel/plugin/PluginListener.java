package io.paprika.kernel.plugin;

/** Told when a connector or accelerator comes or goes. */
public interface PluginListener {

    /** A connector or accelerator was registered; datasets waiting for it may load. */
    void pluginAdded(PluginRef plugin);

    /** A connector or accelerator went away (its bundle stopped, was removed or replaced). */
    void pluginRemoved(PluginRef plugin);
}

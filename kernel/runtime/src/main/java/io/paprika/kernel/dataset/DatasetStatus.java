package io.paprika.kernel.dataset;

/** Spice's dataset states, with the names its API shows. */
public enum DatasetStatus {
    INITIALIZING("Initializing"),
    READY("Ready"),
    DISABLED("Disabled"),
    ERROR("Error"),
    REFRESHING("Refreshing"),
    SHUTTING_DOWN("ShuttingDown");

    private final String label;

    DatasetStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

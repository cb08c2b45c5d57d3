package io.paprika.kernel.dataset;

import static java.util.Objects.requireNonNull;

/** How one load ended, so the manager can decide when to run the next. */
record LoadOutcome(Kind kind, String message, boolean retryable) {

    enum Kind {
        /** New rows are in the table. */
        LOADED,
        /** The source said nothing changed; the table is as it was. */
        UNCHANGED,
        /** The connector or engine is not installed; a plugin event will start the next load. */
        WAITING,
        /** The load failed; {@link #retryable} says whether trying again may help. */
        FAILED
    }

    LoadOutcome {
        requireNonNull(kind, "kind");
        requireNonNull(message, "message");
    }

    static LoadOutcome loaded() {
        return new LoadOutcome(Kind.LOADED, "", false);
    }

    static LoadOutcome unchanged() {
        return new LoadOutcome(Kind.UNCHANGED, "", false);
    }

    static LoadOutcome waiting(String why) {
        return new LoadOutcome(Kind.WAITING, why, false);
    }

    static LoadOutcome failed(String why, boolean retryable) {
        return new LoadOutcome(Kind.FAILED, why, retryable);
    }
}

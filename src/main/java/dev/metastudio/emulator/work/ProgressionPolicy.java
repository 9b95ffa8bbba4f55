package dev.metastudio.emulator.work;

/**
 * Decides each kind's {@link Progression}; consulted at submit (a manual job is HELD), at every gated transition
 * and for pacing. Without a bean of this type every kind runs in real time; the control plane provides one backed
 * by its rule table (it should answer fast: runners waiting in the gate ask it about once a second).
 */
@FunctionalInterface
public interface ProgressionPolicy {
    ProgressionPolicy REALTIME = kind -> Progression.DEFAULT;

    Progression of(String kind);
}

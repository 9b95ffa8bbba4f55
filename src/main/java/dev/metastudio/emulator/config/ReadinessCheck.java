package dev.metastudio.emulator.config;

/** One thing the server needs before it can serve: the health endpoint runs every bean of this type. */
public interface ReadinessCheck {
    String name();

    /** Throws with a human-readable reason when not ready. */
    void check() throws Exception;
}

package dev.metastudio.emulator.config;

/**
 * What a feature keeps for a project, so the control plane's reset can remove it without knowing the feature's
 * tables. Each feature implements it for its own records and stored objects; the system library is never touched.
 */
public interface TenantData {

    /** The name under which the reset reports the count, snake_case plural (e.g. {@code assets}, {@code live_rooms}). */
    String resource();

    /**
     * Removes every record of the project, or of every tenant project when {@code projectId} is null, with the
     * objects they own; returns how many records were removed. A running job of the project must stop and never
     * write afterwards (the work queue's {@code removeProject} guarantees that for its items).
     */
    long removeProject(String projectId);

    /** Lower runs first: what refers to others (jobs, deliveries) goes before what they refer to (assets). */
    default int order() {
        return 0;
    }
}

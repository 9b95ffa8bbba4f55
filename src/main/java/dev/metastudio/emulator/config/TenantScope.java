package dev.metastudio.emulator.config;

/**
 * The rows a reset removes, as an SQL condition on a table's project column: one project, or every tenant project
 * when {@code projectId} is null. The system library's pseudo-project is never part of it.
 */
public record TenantScope(String projectId) {
    /** The pseudo-project that owns the system library (asset.AssetEntity.SYSTEM_PROJECT). */
    public static final String SYSTEM_PROJECT = "_system";

    /** {@code column = ?} for one project, {@code column <> ?} (the system project) for all. */
    public String condition(String column) {
        return column + (projectId == null ? " <> ?" : " = ?");
    }

    public Object argument() {
        return projectId == null ? SYSTEM_PROJECT : projectId;
    }
}

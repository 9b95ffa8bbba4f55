package dev.metastudio.emulator.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The product's configuration interface: every field is settable by environment variable
 * ({@code METASTUDIO_DATA_DIR}, {@code METASTUDIO_CREDENTIALS}, ...), and README documents each one.
 */
@ConfigurationProperties(prefix = "metastudio")
public record EmulatorProperties(
        Path dataDir,
        String credentials,
        String users,
        String throttle,
        String auth,
        String region,
        String role,
        String adminToken,
        Path seedDir,
        Limits limits,
        String journal) {
    /** The request journal keeps this many entries per node unless METASTUDIO_JOURNAL says otherwise. */
    public static final int DEFAULT_JOURNAL_ENTRIES = 10_000;

    /**
     * Limits of the emulator's own, where the reference sets none (issue 13 item 11); each is refused with a code
     * that says what it is and names the setting.
     *
     * @param maxIdsPerCall            asset_ids per batch-action or summaries call (the reference sets no maximum)
     * @param maxCreatingFilesPerAsset files of one asset still being created (CREATING): beyond it, MSS.10001033
     *                                 "Too many files are being created" (L16677)
     */
    public record Limits(Integer maxIdsPerCall, Integer maxCreatingFilesPerAsset) {
        public Limits {
            maxIdsPerCall = maxIdsPerCall == null ? 1000 : maxIdsPerCall;
            maxCreatingFilesPerAsset = maxCreatingFilesPerAsset == null ? 100 : maxCreatingFilesPerAsset;
            if (maxIdsPerCall < 1 || maxCreatingFilesPerAsset < 1) {
                throw new IllegalArgumentException("METASTUDIO_LIMITS_MAX_IDS_PER_CALL and"
                        + " METASTUDIO_LIMITS_MAX_CREATING_FILES_PER_ASSET must be at least 1");
            }
        }
    }

    /** The settings without a seed folder, {@link Limits} or journal size (the defaults apply), as tests and older callers build them. */
    public EmulatorProperties(Path dataDir, String credentials, String users, String throttle, String auth,
                              String region, String role, String adminToken) {
        this(dataDir, credentials, users, throttle, auth, region, role, adminToken, null, null, null);
    }

    /** The one Spring binds (the record has a shorter convenience constructor too). */
    @ConstructorBinding
    public EmulatorProperties {
        limits = limits == null ? new Limits(null, null) : limits;
        dataDir = dataDir == null ? Path.of("./data") : dataDir;
        credentials = credentials == null ? "" : credentials.trim();
        users = users == null ? "" : users.trim();
        throttle = throttle == null || throttle.isBlank() ? "off" : throttle.trim();
        auth = auth == null || auth.isBlank() ? "strict" : auth.trim();
        region = region == null || region.isBlank() ? "ap-southeast-3" : region.trim();
        role = role == null || role.isBlank() ? "both" : role.trim().toLowerCase(java.util.Locale.ROOT);
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.trim();
        journal = journal == null || journal.isBlank() ? "on" : journal.trim().toLowerCase(java.util.Locale.ROOT);
        if (!journal.equals("on") && !journal.equals("off") && !journal.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("METASTUDIO_JOURNAL must be on, off or a number of entries, not " + journal);
        }
        if (!role.equals("api") && !role.equals("worker") && !role.equals("both")) {
            throw new IllegalArgumentException("METASTUDIO_ROLE must be api, worker or both, not " + role);
        }
    }

    /** Whether this node answers the MetaStudio API (role api or both). */
    public boolean servesApi() {
        return !role.equals("worker");
    }

    /** Whether this node runs jobs (role worker or both). */
    public boolean runsWorkers() {
        return !role.equals("api");
    }

    /** Whether {@code METASTUDIO_ADMIN_TOKEN} protects the control plane. */
    public boolean controlPlaneProtected() {
        return adminToken != null;
    }

    /** How many requests the journal keeps on this node; 0 turns recording off. */
    public int journalEntries() {
        return switch (journal) {
            case "on" -> DEFAULT_JOURNAL_ENTRIES;
            case "off" -> 0;
            default -> Integer.parseInt(journal);
        };
    }

    public boolean authStrict() {
        return !"off".equalsIgnoreCase(auth);
    }
}

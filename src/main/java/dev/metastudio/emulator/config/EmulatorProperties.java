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
        Path seedDir) {

    /** Without a seed folder (the form the settings had before {@code METASTUDIO_SEED_DIR}). */
    public EmulatorProperties(Path dataDir, String credentials, String users, String throttle, String auth,
                              String region, String role, String adminToken) {
        this(dataDir, credentials, users, throttle, auth, region, role, adminToken, null);
    }

    @ConstructorBinding
    public EmulatorProperties {
        dataDir = dataDir == null ? Path.of("./data") : dataDir;
        credentials = credentials == null ? "" : credentials.trim();
        users = users == null ? "" : users.trim();
        throttle = throttle == null || throttle.isBlank() ? "off" : throttle.trim();
        auth = auth == null || auth.isBlank() ? "strict" : auth.trim();
        region = region == null || region.isBlank() ? "ap-southeast-3" : region.trim();
        role = role == null || role.isBlank() ? "both" : role.trim().toLowerCase(java.util.Locale.ROOT);
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.trim();
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

    public boolean authStrict() {
        return !"off".equalsIgnoreCase(auth);
    }
}

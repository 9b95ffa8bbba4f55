package dev.metastudio.emulator.edge.auth;

import dev.metastudio.emulator.config.EmulatorProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The AK/SK pairs from {@code METASTUDIO_CREDENTIALS}; the documented development pair only when neither credentials
 * nor IAM users are configured.
 */
@Component
public class CredentialRegistry {
    public static final String DEV_ACCESS_KEY = "MSEMULATORDEVAK00001";
    public static final String DEV_SECRET_KEY = "msEmulatorDevSecretKey000000000000000001";
    /** The project id of the reference's own examples, so copied snippets work unchanged. */
    public static final String DEV_PROJECT_ID = "e9993fc787d94b6c886cbaa340f9c0f4";
    private static final Logger LOG = LoggerFactory.getLogger(CredentialRegistry.class);

    private final Map<String, Credential> byAccessKey = new LinkedHashMap<>();

    public CredentialRegistry(EmulatorProperties properties) {
        if (properties.credentials().isEmpty() && properties.users().isEmpty()) {
            add(new Credential(DEV_ACCESS_KEY, DEV_SECRET_KEY, DEV_PROJECT_ID));
            LOG.info("METASTUDIO_CREDENTIALS and METASTUDIO_USERS are not set; using the development credential"
                    + " AK={} SK={} project_id={}", DEV_ACCESS_KEY, DEV_SECRET_KEY, DEV_PROJECT_ID);
        } else if (properties.credentials().isEmpty()) {
            // Someone configured who may call: the published development key must not be one of them.
            LOG.info("METASTUDIO_CREDENTIALS is not set and METASTUDIO_USERS is: no AK/SK is accepted, only tokens");
        } else {
            for (Credential credential : parse(properties.credentials())) {
                add(credential);
            }
            LOG.info("Loaded {} AK/SK credential(s) for projects {}", byAccessKey.size(),
                    byAccessKey.values().stream().map(Credential::projectId).distinct().toList());
        }
    }

    public Optional<Credential> find(String accessKey) {
        return Optional.ofNullable(byAccessKey.get(accessKey));
    }

    public List<Credential> all() {
        return List.copyOf(byAccessKey.values());
    }

    static List<Credential> parse(String spec) {
        return java.util.Arrays.stream(spec.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(CredentialRegistry::parseEntry)
                .toList();
    }

    private static Credential parseEntry(String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("METASTUDIO_CREDENTIALS entry '" + entry.replaceAll(":[^:]*:", ":***:")
                    + "' must be AK:SK:PROJECT_ID");
        }
        if (!ProjectIds.valid(parts[2].trim())) {
            throw new IllegalArgumentException("METASTUDIO_CREDENTIALS: the project id of access key " + parts[0].trim()
                    + " " + ProjectIds.RULE);
        }
        return new Credential(parts[0].trim(), parts[1].trim(), parts[2].trim());
    }

    private void add(Credential credential) {
        if (byAccessKey.putIfAbsent(credential.accessKey(), credential) != null) {
            throw new IllegalArgumentException("METASTUDIO_CREDENTIALS lists access key " + credential.accessKey() + " twice");
        }
    }
}

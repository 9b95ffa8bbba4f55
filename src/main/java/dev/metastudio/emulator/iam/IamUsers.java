package dev.metastudio.emulator.iam;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.auth.CredentialRegistry;
import dev.metastudio.emulator.edge.auth.ProjectIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Users from {@code METASTUDIO_USERS} ({@code NAME:PASSWORD:PROJECT_ID,...}); the documented development user only
 * when neither users nor AK/SK credentials are configured.
 */
@Component
class IamUsers {
    static final String DEV_USER = "msemulator";
    static final String DEV_PASSWORD = "msemulator-dev-password";
    private static final Logger LOG = LoggerFactory.getLogger(IamUsers.class);

    private final Map<String, IamUser> byName = new LinkedHashMap<>();

    IamUsers(EmulatorProperties properties) {
        if (properties.users().isEmpty() && properties.credentials().isEmpty()) {
            byName.put(DEV_USER, new IamUser(DEV_USER, DEV_PASSWORD, CredentialRegistry.DEV_PROJECT_ID));
            LOG.info("METASTUDIO_USERS and METASTUDIO_CREDENTIALS are not set; the token flow accepts user {} with"
                    + " password {} (project {})", DEV_USER, DEV_PASSWORD, CredentialRegistry.DEV_PROJECT_ID);
        } else if (properties.users().isEmpty()) {
            // Someone configured who may call: the published development password must not be one of them.
            LOG.info("METASTUDIO_USERS is not set and METASTUDIO_CREDENTIALS is: POST /v3/auth/tokens accepts no user");
        } else {
            Arrays.stream(properties.users().split(",")).map(String::trim).filter(e -> !e.isEmpty())
                    .map(IamUsers::parse).forEach(user -> byName.put(user.name(), user));
        }
    }

    /** The user when name and password match; the comparison does not reveal which one was wrong. */
    Optional<IamUser> authenticate(String name, String password) {
        IamUser user = byName.get(name);
        byte[] given = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        byte[] expected = (user == null ? "\0" : user.password()).getBytes(StandardCharsets.UTF_8);
        boolean matches = MessageDigest.isEqual(given, expected);
        return user != null && matches ? Optional.of(user) : Optional.empty();
    }

    private static IamUser parse(String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isEmpty() || parts[2].isBlank()) {
            throw new IllegalArgumentException("METASTUDIO_USERS entry for '" + parts[0]
                    + "' must be NAME:PASSWORD:PROJECT_ID");
        }
        if (!ProjectIds.valid(parts[2].trim())) {
            throw new IllegalArgumentException("METASTUDIO_USERS: the project id of user " + parts[0].trim() + " "
                    + ProjectIds.RULE);
        }
        return new IamUser(parts[0].trim(), parts[1], parts[2].trim());
    }
}

package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.auth.CredentialRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published development AK/SK exists only while nobody configured who may call: setting IAM users (or
 * credentials) removes it. (The development IAM user follows the same rule: ControlPlaneAccessTest shows it refused
 * on a server with credentials and no users, RestartTest shows it working on the bare defaults.)
 */
class DevelopmentCredentialsTest {

    @Test
    void theDevelopmentKeyExistsOnlyWithoutConfiguredUsersOrCredentials() {
        assertThat(registry("", "").find(CredentialRegistry.DEV_ACCESS_KEY)).isPresent();
        assertThat(registry("", "alice:pw:a0000000000000000000000000000001").find(CredentialRegistry.DEV_ACCESS_KEY))
                .isEmpty();
        assertThat(registry("AK1:SK1:p1", "").find(CredentialRegistry.DEV_ACCESS_KEY)).isEmpty();
        assertThat(registry("AK1:SK1:p1", "").find("AK1")).isPresent();
    }

    @Test
    void aConfiguredProjectIdMustFitWhatTheDatabaseKeeps() {
        assertThatThrownBy(() -> registry("AK1:SK1:" + "p".repeat(65), "")).hasMessageContaining("project id");
        assertThatThrownBy(() -> registry("AK1:SK1:bad/id", "")).hasMessageContaining("project id");
    }

    private static CredentialRegistry registry(String credentials, String users) {
        return new CredentialRegistry(new EmulatorProperties(Path.of("data"), credentials, users, null, null, null,
                null, null));
    }
}

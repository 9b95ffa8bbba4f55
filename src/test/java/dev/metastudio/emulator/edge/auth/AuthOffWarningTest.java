package dev.metastudio.emulator.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.config.EmulatorProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** README: "METASTUDIO_AUTH ... off: any caller is accepted"; the start-up log says so as a warning (issue 13). */
@ExtendWith(OutputCaptureExtension.class)
class AuthOffWarningTest {

    @Test
    void authOffIsAWarningAtStartUp(CapturedOutput output) {
        filter("off");
        assertThat(output.getAll()).contains("WARN").contains("METASTUDIO_AUTH=off: authentication is OFF")
                .contains("without an AK/SK signature or IAM token");
    }

    @Test
    void strictSaysNothing(CapturedOutput output) {
        filter("strict");
        filter(null);
        assertThat(output.getAll()).doesNotContain("METASTUDIO_AUTH=off");
    }

    private static AuthFilter filter(String auth) {
        EmulatorProperties properties = new EmulatorProperties(Path.of("data"), "", "", null, auth, null, null, null);
        return new AuthFilter(new CredentialRegistry(properties), token -> java.util.Optional.empty(), properties,
                Clock.systemUTC());
    }
}

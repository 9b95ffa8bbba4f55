package dev.metastudio.emulator.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.config.EmulatorProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

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

    /** README's curl token example: with authentication off, GET /v3/projects still answers the token's project. */
    @Test
    void withAuthOffAValidTokenStillNamesItsProject() throws Exception {
        EmulatorProperties properties = new EmulatorProperties(Path.of("data"), "", "", null, "off", null, null, null);
        AuthFilter filter = new AuthFilter(new CredentialRegistry(properties),
                token -> token.equals("good") ? Optional.of(new TokenVerifier.Claims("msemulator", "p1"))
                        : Optional.empty(), properties, Clock.systemUTC());
        assertThat(callerOf(filter, "/v3/projects", "good")).isEqualTo(
                new Caller("p1", "msemulator", Caller.Method.TOKEN));
        assertThat(callerOf(filter, "/v3/projects", "forged").method()).isEqualTo(Caller.Method.ANONYMOUS);
        assertThat(callerOf(filter, "/v1/p2/digital-assets", "good")).isEqualTo(
                new Caller("p2", "anonymous", Caller.Method.ANONYMOUS));
    }

    private static Caller callerOf(AuthFilter filter, String path, String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("X-Auth-Token", token);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return Caller.of(request);
    }

    private static AuthFilter filter(String auth) {
        EmulatorProperties properties = new EmulatorProperties(Path.of("data"), "", "", null, auth, null, null, null);
        return new AuthFilter(new CredentialRegistry(properties), token -> Optional.empty(), properties,
                Clock.systemUTC());
    }
}

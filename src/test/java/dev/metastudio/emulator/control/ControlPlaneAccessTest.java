package dev.metastudio.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.auth.ControlPlaneAuthFilter;
import dev.metastudio.emulator.support.H2ServerTest;
import dev.metastudio.emulator.support.RawHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With METASTUDIO_ADMIN_TOKEN set, the control plane answers only {@code Authorization: Bearer <token>}, except
 * health; endpoints nobody listed as open are protected by default, and no other spelling of a plane path gets in.
 */
class ControlPlaneAccessTest extends H2ServerTest {

    @Test
    void everyControlPlaneCallButHealthNeedsTheToken() throws Exception {
        for (String path : new String[] {"/_emulator/jobs", "/_emulator/callbacks", "/_emulator/jobs/some-job",
                "/_emulator/not-yet-written", "/_emulator"}) {
            RawHttp.Response anonymous = RawHttp.get(port, path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).as(path).contains("APIGW.0301").contains("METASTUDIO_ADMIN_TOKEN");
            assertThat(anonymous.header("X-Request-Id")).as(path).matches("[0-9a-f]{32}");
            RawHttp.Response wrong = RawHttp.send(port, "GET", path, "Authorization: Bearer not-the-token", null);
            assertThat(wrong.status()).as(path).isEqualTo(401);
        }
        assertThat(RawHttp.send(port, "POST", "/_emulator/jobs/pause", "", new byte[0]).status()).isEqualTo(401);
        for (String post : new String[] {"/_emulator/reset", "/_emulator/faults", "/_emulator/seed",
                "/_emulator/jobs/some-job/advance"}) {
            assertThat(RawHttp.send(port, "POST", post, "", new byte[0]).status()).as(post).isEqualTo(401);
        }
        assertThat(RawHttp.send(port, "PUT", "/_emulator/progression/VIDEO", "", new byte[0]).status()).isEqualTo(401);
        assertThat(RawHttp.send(port, "DELETE", "/_emulator/faults", "", null).status()).isEqualTo(401);
        assertThat(RawHttp.send(port, "GET", "/_emulator/jobs", "Authorization: Bearer " + ADMIN_TOKEN, null)
                .status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/_emulator/health").status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/_emulator/health/live").status()).isEqualTo(200);
    }

    @Test
    void noOtherSpellingOfAProtectedPathGetsIn() throws Exception {
        for (String path : new String[] {"/%5Femulator/jobs", "/_emulator;x/jobs", "/_emulator//jobs",
                "/_emulator/./jobs", "/_emulator/health/../jobs", "/_emulator/%6Aobs", "//_emulator/jobs",
                "/_emulator/healthx/../jobs", "/_emulator/health;/../jobs"}) {
            RawHttp.Response response = RawHttp.get(port, path);
            assertThat(response.status()).as(path).isIn(400, 401);
            assertThat(response.header("X-Request-Id")).as(path).isNotNull();
        }
        // An open prefix is open segment-wise only.
        assertThat(RawHttp.get(port, "/_emulator/healthz").status()).isEqualTo(401);
    }

    @Test
    void theDevelopmentUserDoesNotExistWhenCredentialsAreConfigured() throws Exception {
        // This server has METASTUDIO_CREDENTIALS and no METASTUDIO_USERS: the published dev password must fail.
        byte[] body = ("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":"
                + "\"msemulator\",\"password\":\"msemulator-dev-password\"}}},\"scope\":{\"project\":{\"name\":"
                + "\"ap-southeast-3\"}}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.send(port, "POST", "/v3/auth/tokens", "Content-Type: application/json",
                body);
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void anOpenControlPlaneIsAnnouncedAtStartUp() {
        Logger logger = (Logger) LoggerFactory.getLogger(ControlPlaneAuthFilter.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            new ControlPlaneAuthFilter(new EmulatorProperties(Path.of("data"), "", "", null, null, null, null, null));
            new ControlPlaneAuthFilter(new EmulatorProperties(Path.of("data"), "", "", null, null, null, null, "t"));
        } finally {
            logger.detachAppender(captured);
        }
        assertThat(captured.list).hasSize(2);
        assertThat(captured.list.get(0).getLevel().toString()).isEqualTo("WARN");
        assertThat(captured.list.get(0).getFormattedMessage()).contains("METASTUDIO_ADMIN_TOKEN is not set");
        assertThat(captured.list.get(1).getLevel().toString()).isEqualTo("INFO");
    }
}

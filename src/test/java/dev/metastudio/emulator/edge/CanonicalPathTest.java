package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metastudio.emulator.support.RawHttp;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every other spelling of an API path, sent over a raw socket (no client normalizes it) with no credentials: none
 * may be served. Filters decide on the raw URI and the router on the decoded one, so a path is accepted only in its
 * canonical spelling ({@link CanonicalPath}); the rest is refused with 400 before any filter, in the envelope, and
 * what Tomcat refuses itself ({@code %00}, {@code %2F}, {@code %5C}, over-long lines) is in the envelope too.
 */
class CanonicalPathTest extends ServerTest {
    private static final String P = TestProjects.PROJECT_A;
    private static final String SYSTEM_ASSET = "/_system/digital-assets/00000000000000000000000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Spellings that decode or normalize to /v1/{P}/digital-assets (or a system asset) and must be refused. */
    static Stream<String> spellings() {
        return Stream.of(
                "/%761/" + P + "/digital-assets", "/v%31/" + P + "/digital-assets", "/%76%31/" + P + "/digital-assets",
                "/v1;/" + P + "/digital-assets", "/v1;a=b/" + P + "/digital-assets", "/v1/" + P + ";x/digital-assets",
                "/v1/" + P + "/digital-assets;x", "/;/v1/" + P + "/digital-assets", "//v1/" + P + "/digital-assets",
                "/v1//" + P + "/digital-assets", "/v1/" + P + "//digital-assets", "/v1/./" + P + "/digital-assets",
                "/v1/x/../" + P + "/digital-assets", "/x/../v1/" + P + "/digital-assets",
                "/v1/%2e/" + P + "/digital-assets", "/v1/%2E%2E/v1/" + P + "/digital-assets",
                "/v1/" + P + "/digital%2Dassets", "/v1/" + P + "/%64igital-assets", "/v1/" + P + "/digital-asset%73",
                "/v1/%" + Integer.toHexString(P.charAt(0)) + P.substring(1) + "/digital-assets",
                "/%2Fv1/" + P + "/digital-assets", "/v1%2F" + P + "/digital-assets", "/v1%2f" + P + "/digital-assets",
                "/v1%5C" + P + "%5Cdigital-assets", "/v1\\" + P + "\\digital-assets", "/v1/" + P + "/digital-assets%00",
                "/v1/" + P + "/%00/../digital-assets", "/v1/" + P + "/digital-assets%", "/v1/" + P + "/digital-assets%zz",
                "/V1/" + P + "/digital-assets", "/%2576%2531/" + P + "/digital-assets",
                "/%761" + SYSTEM_ASSET, "/v1;" + SYSTEM_ASSET, "/v1/." + SYSTEM_ASSET);
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("spellings")
    void noSpellingOfAnApiPathIsServedWithoutCredentials(String target) throws Exception {
        assertRefusedInTheEnvelope(RawHttp.get(port, target), target);
    }

    @ParameterizedTest(name = "PUT {0}")
    @MethodSource("spellings")
    void noSpellingRenamesAnAssetWithoutCredentials(String target) throws Exception {
        RawHttp.Response response = RawHttp.send(port, "PUT", target, "Content-Type: application/json",
                "{\"asset_name\":\"renamed by nobody\"}".getBytes(StandardCharsets.UTF_8));
        assertRefusedInTheEnvelope(response, target);
    }

    @Test
    void encodedUnreservedCharactersParametersDotSegmentsAndDoubleSlashesAre400BeforeAuthentication() throws Exception {
        for (String target : new String[] {"/%761/" + P + "/digital-assets", "/v1;/" + P + "/digital-assets",
                "//v1/" + P + "/digital-assets", "/v1/./" + P + "/digital-assets", "/v1/x/../" + P + "/digital-assets",
                "/v1/" + P + "/digital%2Dassets", "/%5Femulator/jobs", "/_emulator;x/jobs", "/_emulator//jobs"}) {
            RawHttp.Response response = RawHttp.get(port, target);
            assertThat(response.status()).as(target).isEqualTo(400);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("error_code").asText()).as(target).isEqualTo("MSS.00000003");
            assertThat(body.get("error_msg").asText()).as(target).contains("canonical");
        }
    }

    @Test
    void theCanonicalSpellingStillReachesAuthentication() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/v1/" + P + "/digital-assets");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("APIGW.0301");
        // Reserved characters other than ';' may still be percent-encoded: they are not another spelling.
        assertThat(RawHttp.get(port, "/v1/" + P + "/digital-assets/a%20b%3Ac").status()).isEqualTo(401);
    }

    @Test
    void whatTomcatRefusesItselfIsInTheEnvelopeWithARequestId() throws Exception {
        String[] targets = {"/v1/" + P + "/%00", "/v1%2F" + P, "/v1/" + P + "/%5C", "/v1/" + "a".repeat(9000),
                "/v1/" + P + "/digital-assets?x=" + "q".repeat(9000)};
        for (String target : targets) {
            RawHttp.Response response = RawHttp.get(port, target);
            assertThat(response.status()).as(target.substring(0, Math.min(60, target.length()))).isEqualTo(400);
            assertEnvelope(response, target);
        }
        for (String badHeader : new String[] {"X Bad Name: 1", "No-Colon-Here", "X-Big: " + "h".repeat(9000)}) {
            RawHttp.Response response = RawHttp.send(port, "GET", "/v1/" + P + "/digital-assets", badHeader, null);
            assertThat(response.status()).as(badHeader.substring(0, Math.min(30, badHeader.length()))).isEqualTo(400);
            assertEnvelope(response, badHeader);
        }
    }

    private static void assertRefusedInTheEnvelope(RawHttp.Response response, String target) throws Exception {
        assertThat(response.status()).as(target + " -> " + response.body()).isGreaterThanOrEqualTo(400);
        assertEnvelope(response, target);
    }

    private static void assertEnvelope(RawHttp.Response response, String what) throws Exception {
        String label = what.substring(0, Math.min(60, what.length()));
        assertThat(response.header("X-Request-Id")).as(label).matches("[0-9a-f]{32}");
        assertThat(response.header("Content-Type")).as(label).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error_code").asText()).as(label).matches("(MSS|APIGW)\\.\\d+");
        assertThat(body.path("error_msg").asText()).as(label).isNotBlank();
    }
}

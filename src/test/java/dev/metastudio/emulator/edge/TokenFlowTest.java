package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The IAM password-token flow end to end with plain HTTP, as a token user would drive it. */
class TokenFlowTest extends ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPasswordTokenIsIssuedFor24HoursAndOpensItsOwnProject() throws Exception {
        HttpResponse<String> created = requestToken(TestProjects.USER_A, TestProjects.PASSWORD_A,
                "\"project\":{\"id\":\"" + TestProjects.PROJECT_A + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Request-Id")).isPresent();
        String token = created.headers().firstValue("X-Subject-Token").orElseThrow();
        JsonNode body = JSON.readTree(created.body()).get("token");
        assertThat(body.at("/project/id").asText()).isEqualTo(TestProjects.PROJECT_A);
        assertThat(body.at("/user/name").asText()).isEqualTo(TestProjects.USER_A);
        assertThat(body.get("methods").get(0).asText()).isEqualTo("password");
        Instant expires = Instant.parse(body.get("expires_at").asText());
        Instant issued = Instant.parse(body.get("issued_at").asText());
        assertThat(ChronoUnit.HOURS.between(issued, expires)).isEqualTo(24);

        HttpResponse<String> own = get("/v3/projects", token);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(TestProjects.PROJECT_A);

        HttpResponse<String> other = get("/v1/" + TestProjects.PROJECT_B + "/digital-assets", token);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("MSS.00020006");
    }

    @Test
    void theProjectScopeMayNameTheRegion() throws Exception {
        HttpResponse<String> created = requestToken(TestProjects.USER_A, TestProjects.PASSWORD_A,
                "\"project\":{\"name\":\"ap-southeast-3\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains(TestProjects.PROJECT_A);
    }

    @Test
    void aWrongPasswordGets401() throws Exception {
        HttpResponse<String> refused = requestToken(TestProjects.USER_A, "wrong",
                "\"project\":{\"id\":\"" + TestProjects.PROJECT_A + "\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Subject-Token")).isEmpty();
        assertThat(refused.body()).contains("error_code");
    }

    @Test
    void aScopeOutsideTheUsersProjectGets401() throws Exception {
        HttpResponse<String> refused = requestToken(TestProjects.USER_A, TestProjects.PASSWORD_A,
                "\"project\":{\"id\":\"" + TestProjects.PROJECT_B + "\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestWithoutProjectScopeIsABadRequest() throws Exception {
        HttpResponse<String> refused = requestToken(TestProjects.USER_A, TestProjects.PASSWORD_A, "\"domain\":{\"name\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("auth.scope.project");
    }

    @Test
    void malformedJsonIsABadRequestInTheEnvelope() throws Exception {
        HttpResponse<String> refused = post("/v3/auth/tokens", "{\"auth\": ");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(refused.body()).contains("MSS.00000003").contains("not valid JSON");
    }

    @Test
    void aForgedOrAlteredTokenIsRefused() throws Exception {
        HttpResponse<String> created = requestToken(TestProjects.USER_A, TestProjects.PASSWORD_A,
                "\"project\":{\"id\":\"" + TestProjects.PROJECT_A + "\"}");
        String token = created.headers().firstValue("X-Subject-Token").orElseThrow();
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        HttpResponse<String> refused = get("/v3/projects", altered);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("APIGW.0301").contains("decrypt token fail");
        assertThat(get("/v3/projects", "garbage").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> requestToken(String user, String password, String scope) throws Exception {
        return post("/v3/auth/tokens", """
                {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","password":"%s",
                "domain":{"name":"%s"}}}},"scope":{%s}}}""".formatted(user, password, user, scope));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-Auth-Token", token)
                .header("Content-Type", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

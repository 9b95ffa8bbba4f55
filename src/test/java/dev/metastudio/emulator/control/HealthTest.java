package dev.metastudio.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.support.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthTest extends ServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessReportsEachCheckWithoutAuthentication() throws Exception {
        HttpResponse<String> response = get("/_emulator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"database\":\"UP\"")
                .contains("\"data_dir\":\"UP\"");
    }

    @Test
    void livenessAnswers() throws Exception {
        HttpResponse<String> response = get("/_emulator/health/live");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void unknownPathsAnswerInTheEnvelopeNotHtml() throws Exception {
        for (String path : new String[] {"/nothing-here", "/v2/x", "/_emulator/nope"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(response.body()).as(path).contains("\"error_code\":\"APIGW.0101\"").doesNotContain("<html");
            assertThat(response.headers().firstValue("X-Request-Id")).as(path).isPresent();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

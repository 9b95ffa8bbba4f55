package dev.metastudio.emulator.control.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpResponse;
import dev.metastudio.emulator.edge.OperationCatalog;
import dev.metastudio.emulator.support.PlaneClient;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coverage and the control plane's OpenAPI, checked against what the server really answers. */
class DiscoveryContractTest extends ServerTest {

    private PlaneClient plane() {
        return new PlaneClient(baseUrl(), null);
    }

    @Test
    void coverageListsEverySdkOperationAndItsCountsAddUp() {
        JsonNode report = plane().get("/_emulator/coverage").json();
        long sdkOperations = OperationCatalog.sdk().all().stream().filter(o -> o.path().startsWith("/v1/")).count();
        assertThat(sdkOperations).isEqualTo(189);
        assertThat(report.get("total").asInt()).isEqualTo(189);
        assertThat(report.get("operations")).hasSize(189);
        int implemented = 0;
        for (JsonNode row : report.get("operations")) {
            assertThat(row.fieldNames()).toIterable().containsExactly("operation", "method", "path", "implemented");
            implemented += row.get("implemented").asBoolean() ? 1 : 0;
        }
        assertThat(report.get("implemented").asInt()).isEqualTo(implemented).isPositive().isLessThan(189);
        for (String known : List.of("ListAssets", "CreateDigitalAsset", "Create2DDigitalHumanVideo",
                "Show2DDigitalHumanVideo", "CreateVideoScripts", "CreateTtsAudition")) {
            assertThat(row(report, known).get("implemented").asBoolean()).as(known).isTrue();
        }
    }

    /** "Not implemented" is what the server really does: every such operation, signed and sent, finds no route. */
    @Test
    void everyOperationReportedAsNotImplementedIsAnsweredAsUnknown() {
        JsonNode report = plane().get("/_emulator/coverage").json();
        SdkWire wire = new SdkWire(baseUrl());
        List<String> answered = new ArrayList<>();
        for (JsonNode row : report.get("operations")) {
            if (row.get("implemented").asBoolean()) {
                continue;
            }
            // The SDK fills {project_id} from the credential; the other ids get the coverage's sample.
            String path = Coverage.sample(row.get("path").asText().replace("{project_id}", "@"))
                    .replace("@", "{project_id}");
            SdkWire.Call call = SdkWire.Call.of(HttpMethod.valueOf(row.get("method").asText()), path);
            if (!row.get("method").asText().equals("GET") && !row.get("method").asText().equals("DELETE")) {
                call = call.withBody("{}");
            }
            HttpResponse response = wire.send(SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A,
                    TestProjects.PROJECT_A), call.withQuery(Map.of()));
            if (response.getStatusCode() != 404 && response.getStatusCode() != 405) {
                answered.add(row.get("operation").asText() + " -> " + response.getStatusCode());
            }
        }
        assertThat(answered).as("operations reported as not implemented that the server answers").isEmpty();
    }

    @Test
    void theOpenApiDescribesTheControlPlaneOnly() {
        PlaneClient.Answer answer = plane().get("/_emulator/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode doc = answer.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("info").get("title").asText()).contains("control plane");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/_emulator/requests", "/_emulator/requests/{request_id}", "/_emulator/coverage",
                "/_emulator/jobs", "/_emulator/callbacks");
        assertThat(paths).allMatch(p -> p.startsWith("/_emulator/"));
        assertThat(doc.get("paths").get("/_emulator/requests").has("delete")).isTrue();
    }

    private static JsonNode row(JsonNode report, String operation) {
        for (JsonNode row : report.get("operations")) {
            if (row.get("operation").asText().equals(operation)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + operation);
    }
}

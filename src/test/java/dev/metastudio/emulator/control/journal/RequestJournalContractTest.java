package dev.metastudio.emulator.control.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.HttpResponse;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsResponse;
import dev.metastudio.emulator.config.TenantData;
import com.huaweicloud.sdk.metastudio.v1.model.CreateFileResponse;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.PlaneClient;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The request journal as a test author reads it after driving the emulator through the official SDK. */
class RequestJournalContractTest extends ServerTest {
    @Autowired
    List<TenantData> tenantData;

    private PlaneClient plane() {
        return new PlaneClient(baseUrl(), null);
    }

    @Test
    void aSignedCallIsRecordedWithItsOperationOutcomeAndBodyButNoSecret() {
        ListAssetsResponse listed = clientA().listAssets(new ListAssetsRequest().withLimit(3));

        JsonNode entry = plane().get("/_emulator/requests/" + listed.getXRequestId()).json();
        assertThat(entry.get("request_id").asText()).isEqualTo(listed.getXRequestId());
        assertThat(entry.get("method").asText()).isEqualTo("GET");
        assertThat(entry.get("path").asText()).isEqualTo("/v1/" + TestProjects.PROJECT_A + "/digital-assets");
        assertThat(entry.get("query").asText()).contains("limit=3");
        assertThat(entry.get("operation").asText()).isEqualTo("ListAssets");
        assertThat(entry.get("project_id").asText()).isEqualTo(TestProjects.PROJECT_A);
        assertThat(entry.get("auth").asText()).isEqualTo("AKSK");
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("error_code").isNull()).isTrue();
        assertThat(entry.get("duration_ms").asLong()).isNotNegative();
        assertThat(entry.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        String authorization = entry.get("request_headers").get("authorization").asText();
        assertThat(authorization).startsWith("SDK-HMAC-SHA256").contains("Access=" + TestProjects.AK_A)
                .contains("Signature=****").doesNotContainPattern("Signature=[0-9a-f]{64}");
        assertThat(entry.get("request_body").isNull()).isTrue();
        assertThat(entry.get("response_body").get("count").asInt()).isEqualTo(listed.getCount());
        assertThat(entry.fieldNames()).toIterable().containsExactly("request_id", "time", "method", "path", "query",
                "operation", "project_id", "auth", "auth_detail", "status", "error_code", "duration_ms",
                "request_headers", "request_body", "response_body");
    }

    @Test
    void aJsonRequestBodyIsKeptAsJson() {
        String name = "journal " + UUID.randomUUID();
        CreateDigitalAssetResponse created = clientA().createDigitalAsset(new CreateDigitalAssetRequest()
                .withBody(new CreateDigitalAssetRequestBody().withAssetName(name)
                        .withAssetType(CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE)));

        JsonNode entries = plane().get("/_emulator/requests?operation=CreateDigitalAsset&project_id="
                + TestProjects.PROJECT_A + "&limit=1").json().get("requests");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("request_body").get("asset_name").asText()).isEqualTo(name);
        assertThat(entries.get(0).get("response_body").get("asset_id").asText()).isEqualTo(created.getAssetId());
    }

    @Test
    void aRefusedSignatureIsRecordedWithItsReasonAndThePathsProject() {
        ClientRequestException refused = (ClientRequestException) org.assertj.core.api.Assertions.catchThrowable(
                () -> client(TestProjects.AK_A, "not-the-secret-key-of-a-000000000000000000", TestProjects.PROJECT_A)
                        .listAssets(new ListAssetsRequest()));
        assertThat(refused.getHttpStatusCode()).isEqualTo(401);

        JsonNode entry = plane().get("/_emulator/requests/" + refused.getRequestId()).json();
        assertThat(entry.get("auth").asText()).isEqualTo("REFUSED");
        assertThat(entry.get("auth_detail").asText()).contains("verify aksk signature fail");
        assertThat(entry.get("status").asInt()).isEqualTo(401);
        assertThat(entry.get("error_code").asText()).isEqualTo("APIGW.0301");
        assertThat(entry.get("project_id").asText()).isEqualTo(TestProjects.PROJECT_A);
        assertThat(entry.get("operation").asText()).isEqualTo("ListAssets");

        JsonNode refusals = plane().get("/_emulator/requests?status=4xx&project_id=" + TestProjects.PROJECT_A).json();
        assertThat(refusals.get("requests").findValuesAsText("request_id")).contains(refused.getRequestId());
        assertThat(refusals.get("requests").findValuesAsText("status")).allMatch(s -> s.startsWith("4"));
    }

    @Test
    void theListIsNewestFirstAndFiltersByTime() throws Exception {
        HttpResponse first = new SdkWire(baseUrl()).send(SdkWire.credentials(TestProjects.AK_B, TestProjects.SK_B,
                TestProjects.PROJECT_B), SdkWire.Call.get("/v1/" + TestProjects.PROJECT_B + "/digital-assets"));
        String since = plane().get("/_emulator/requests/" + first.getHeader("X-Request-Id")).json().get("time").asText();
        Thread.sleep(5);
        String second = clientB().listAssets(new ListAssetsRequest()).getXRequestId();

        JsonNode entries = plane().get("/_emulator/requests?project_id=" + TestProjects.PROJECT_B + "&since=" + since)
                .json().get("requests");
        List<String> ids = entries.findValuesAsText("request_id");
        assertThat(ids).startsWith(second).contains(first.getHeader("X-Request-Id"));
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first.getHeader("X-Request-Id")));
    }

    @Test
    void badFiltersAndUnknownIdsAreRefusedInTheEnvelope() {
        PlaneClient.Answer unknown = plane().get("/_emulator/requests/0123456789abcdef0123456789abcdef");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error_code").asText()).isEqualTo("MSS.00000002");
        for (String bad : new String[] {"status=42", "status=abc", "since=yesterday", "limit=0", "limit=x"}) {
            PlaneClient.Answer answer = plane().get("/_emulator/requests?" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.json().get("error_msg").asText()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void resetOfOneProjectClearsOnlyItsEntriesAndDeleteClearsAll() {
        String a = clientA().listAssets(new ListAssetsRequest()).getXRequestId();
        String b = clientB().listAssets(new ListAssetsRequest()).getXRequestId();
        TenantData requests = tenantData.stream().filter(t -> t.resource().equals("requests")).findFirst().orElseThrow();

        assertThat(requests.removeProject(TestProjects.PROJECT_B)).isPositive();
        assertThat(plane().get("/_emulator/requests/" + b).status()).isEqualTo(404);
        assertThat(plane().get("/_emulator/requests/" + a).status()).isEqualTo(200);

        assertThat(plane().delete("/_emulator/requests").json().get("removed").asInt()).isPositive();
        assertThat(plane().get("/_emulator/requests").json().get("requests")).isEmpty();
    }

    @Test
    void anObjectUploadIsRecordedByItsSizeWithTheUrlSignatureMasked() {
        String assetId = Assets.create(clientA(), CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE,
                "journal upload " + UUID.randomUUID());
        byte[] png = TestMedia.png(64, 48, java.awt.Color.ORANGE);
        CreateFileResponse file = Assets.createFile(clientA(), assetId, "cover.png", png, "MAIN");
        java.net.http.HttpResponse<String> put = Assets.put(file.getUploadUrl(), png, Assets.md5(png));
        assertThat(put.statusCode()).isEqualTo(200);

        JsonNode entry = plane().get("/_emulator/requests/" + put.headers().firstValue("X-Request-Id").orElseThrow())
                .json();
        assertThat(entry.get("method").asText()).isEqualTo("PUT");
        assertThat(entry.get("path").asText()).startsWith("/_objects/");
        assertThat(entry.get("operation").isNull()).isTrue();
        assertThat(entry.get("auth").asText()).isEqualTo("NONE");
        assertThat(entry.get("query").asText()).contains("Signature=****").doesNotContain(
                file.getUploadUrl().replaceAll(".*Signature=([^&]*).*", "$1"));
        assertThat(entry.get("request_body").get("omitted").asText()).isEqualTo("binary");
        assertThat(entry.get("request_body").get("size").asLong()).isEqualTo(png.length);
    }

    @Test
    void theControlPlaneItselfIsNotRecorded() {
        plane().get("/_emulator/jobs");
        assertThat(plane().get("/_emulator/requests?limit=1000").json().get("requests").findValuesAsText("path"))
                .noneMatch(p -> p.startsWith("/_emulator"));
    }
}

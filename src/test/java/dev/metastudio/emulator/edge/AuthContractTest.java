package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpResponse;
import com.huaweicloud.sdk.core.region.Region;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsResponse;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AK/SK authentication through the official SDK: what passes, and each documented way to fail. */
class AuthContractTest extends ServerTest {
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final BasicCredentials a = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);

    @Test
    void aValidSignedCallPassesAuthenticationAndCarriesARequestId() {
        HttpResponse response = new SdkWire(baseUrl()).send(a, Call.get("/v3/projects"));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(response.getBodyAsString()).contains(TestProjects.PROJECT_A);
        assertThat(response.getHeader("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void aValidSdkCallReturnsItsRequestIdInTheResponseModel() {
        ListAssetsResponse response = clientA().listAssets(new ListAssetsRequest());
        assertThat(response.getHttpStatusCode()).isEqualTo(200);
        assertThat(response.getXRequestId()).matches("[0-9a-f]{32}");
    }

    @Test
    void requestIdsAreUniquePerRequest() {
        String first = new SdkWire(baseUrl()).send(a, Call.get("/v3/projects")).getHeader("X-Request-Id");
        String second = new SdkWire(baseUrl()).send(a, Call.get("/v3/projects")).getHeader("X-Request-Id");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theSdkFindsItsProjectThroughIamWhenOnlyARegionIsGiven() {
        BasicCredentials credentials = new BasicCredentials().withAk(TestProjects.AK_A).withSk(TestProjects.SK_A)
                .withIamEndpoint(baseUrl());
        MetaStudioClient client = MetaStudioClient.newBuilder()
                .withCredential(credentials)
                .withRegion(new Region("ap-southeast-3", baseUrl()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .build();
        assertThat(client.listAssets(new ListAssetsRequest()).getHttpStatusCode()).isEqualTo(200);
        assertThat(credentials.getProjectId()).isEqualTo(TestProjects.PROJECT_A);
    }

    @Test
    void aWrongSecretKeyIsRefused() {
        MetaStudioClient client = client(TestProjects.AK_A, "not-the-secret-key-of-a-000000000000000000", TestProjects.PROJECT_A);
        ClientRequestException e = refused(client, new ListAssetsRequest());
        assertThat(e.getHttpStatusCode()).isEqualTo(401);
        assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
        assertThat(e.getErrorMsg()).contains("verify aksk signature fail");
        assertThat(e.getRequestId()).matches("[0-9a-f]{32}");
    }

    @Test
    void anUnknownAccessKeyIsRefused() {
        MetaStudioClient client = client("UNKNOWNAK00000000000", TestProjects.SK_A, TestProjects.PROJECT_A);
        ClientRequestException e = refused(client, new ListAssetsRequest());
        assertThat(e.getHttpStatusCode()).isEqualTo(401);
        assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
        assertThat(e.getErrorMsg()).contains("UNKNOWNAK00000000000");
    }

    @Test
    void aStaleSdkDateIsRefusedEvenWhenCorrectlySigned() {
        String stale = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(16).format(SDK_DATE);
        ClientRequestException e = refused(clientA(), new ListAssetsRequest().withXSdkDate(stale));
        assertThat(e.getHttpStatusCode()).isEqualTo(401);
        assertThat(e.getErrorCode()).isEqualTo("APIGW.0301");
        assertThat(e.getErrorMsg()).contains("signature expired");
    }

    @Test
    void aDateWithinFifteenMinutesIsAccepted() {
        String recent = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(14).format(SDK_DATE);
        HttpResponse response = new SdkWire(baseUrl()).send(a,
                Call.get("/v3/projects").withHeaders(Map.of("X-Sdk-Date", recent)));
        assertThat(response.getStatusCode()).isEqualTo(200);
        String future = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(16).format(SDK_DATE);
        HttpResponse early = new SdkWire(baseUrl()).send(a,
                Call.get("/v3/projects").withHeaders(Map.of("X-Sdk-Date", future)));
        assertThat(early.getStatusCode()).isEqualTo(401);
    }

    @Test
    void aCredentialCannotActOnAnotherProject() {
        MetaStudioClient aOnB = client(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_B);
        ClientRequestException e = refused(aOnB, new ListAssetsRequest());
        assertThat(e.getHttpStatusCode()).isEqualTo(403);
        assertThat(e.getErrorCode()).isEqualTo("MSS.00020006");
        assertThat(e.getErrorMsg()).contains(TestProjects.PROJECT_B);
    }

    @Test
    void anotherProjectInTheXProjectIdHeaderIsRefused() {
        // The credential fills X-Project-Id with project B and signs it, so only the project rule can refuse it.
        HttpResponse other = new SdkWire(baseUrl()).send(
                SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_B),
                Call.get("/v1/" + TestProjects.PROJECT_A + "/digital-assets"));
        assertThat(other.getStatusCode()).isEqualTo(403);
        assertThat(other.getBodyAsString()).contains("MSS.00020006").contains("X-Project-Id");
    }

    @Test
    void aTamperedBodyIsRefused() {
        Call call = Call.post("/v1/{project_id}/digital-assets", "{\"asset_name\":\"signed\",\"asset_type\":\"IMAGE\"}");
        HttpResponse response = new SdkWire(baseUrl()).send(a, call,
                signed -> signed.builder().withBodyAsString("{\"asset_name\":\"tampered\",\"asset_type\":\"IMAGE\"}").build());
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBodyAsString()).contains("APIGW.0301");
        assertThat(response.getHeader("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void aTamperedQueryIsRefused() {
        Call call = Call.get("/v1/{project_id}/digital-assets").withQuery(Map.of("limit", List.of("5")));
        HttpResponse response = new SdkWire(baseUrl()).send(a, call, signed -> {
            signed.getQueryParams().put("limit", List.of("50"));
            return signed.builder().build();
        });
        assertThat(response.getStatusCode()).isEqualTo(401);
    }

    /**
     * The gateway's documented limit for AK/SK bodies is 12 MB. API Gateway's own code for "Request entity too
     * large" is APIG(W).0201 with status 413, which is what the emulator answers.
     */
    @Test
    void aSignedBodyOverTwelveMegabytesIsRefusedWith413() {
        String huge = "{\"asset_description\":\"" + "x".repeat(12 * 1024 * 1024) + "\"}";
        HttpResponse response = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/digital-assets", huge));
        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(response.getBodyAsString()).contains("APIGW.0201").contains("12 MB");
    }

    @Test
    void aRequestWithoutCredentialsIsRefused() {
        HttpResponse response = new SdkWire(baseUrl()).send(new BasicCredentials().withAk("x").withSk("y")
                .withProjectId(TestProjects.PROJECT_A), Call.get("/v1/{project_id}/digital-assets"),
                signed -> {
                    signed.getHeaders().remove("Authorization");
                    return signed;
                });
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBodyAsString()).contains("APIGW.0301");
    }

    private static ClientRequestException refused(MetaStudioClient client, ListAssetsRequest request) {
        ClientRequestException e = catchThrowableOfType(ClientRequestException.class, () -> client.listAssets(request));
        assertThat(e).as("the call should have been refused").isNotNull();
        return e;
    }
}

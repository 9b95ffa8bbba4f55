package dev.metastudio.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ConnectionException;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetRequest;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ControlPlane;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API fault rules, driven through the official SDK: the chosen error exactly {@code times} times, then success. */
class FaultRulesContractTest extends ServerTest {
    private static final String OPS = TestProjects.PROJECT_OPS;
    private ControlPlane control;
    private MetaStudioClient ops;

    @BeforeEach
    void setUp() {
        control = new ControlPlane(baseUrl());
        ops = client(TestProjects.AK_OPS, TestProjects.SK_OPS, OPS);
    }

    @AfterEach
    void removeRules() {
        control.delete("/_emulator/faults").expect(200);
    }

    @Test
    void aRuleFailsTheOperationExactlyTimesTimesThenCallsSucceed() {
        String rule = control.fault("""
                {"match": {"operation": "ListAssets", "project_id": "%s"},
                 "response": {"status": 503, "error_code": "MSS.00000004", "error_msg": "Injected outage"},
                 "times": 2}""".formatted(OPS));
        for (int i = 0; i < 2; i++) {
            ServiceResponseException e = catchThrowableOfType(() -> ops.listAssets(new ListAssetsRequest()),
                    ServiceResponseException.class);
            assertThat(e).as("call %d is faulted", i + 1).isNotNull();
            assertThat(e.getHttpStatusCode()).isEqualTo(503);
            assertThat(e.getErrorCode()).isEqualTo("MSS.00000004");
            assertThat(e.getErrorMsg()).isEqualTo("Injected outage");
            assertThat(e.getRequestId()).as("X-Request-Id of the faulted answer").isNotBlank();
        }
        ListAssetsResponse third = ops.listAssets(new ListAssetsRequest());
        assertThat(third.getHttpStatusCode()).isEqualTo(200);
        assertThat(control.hits(rule)).isEqualTo(2);
        JsonNode listed = control.get("/_emulator/faults").expect(200).get("rules").get(0);
        assertThat(listed.get("rule_id").asText()).isEqualTo(rule);
        assertThat(listed.get("match").get("operation").asText()).isEqualTo("ListAssets");
        assertThat(listed.get("times").asInt()).isEqualTo(2);
        assertThat(listed.get("hits").asInt()).isEqualTo(2);
    }

    @Test
    void concurrentCallsAreFaultedExactlyTimesTimes() throws Exception {
        String rule = control.fault("""
                {"match": {"operation": "ListAssets", "project_id": "%s"},
                 "response": {"status": 503, "error_code": "MSS.00000004"}, "times": 10}""".formatted(OPS));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> faulted = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            faulted.add(pool.submit(() -> {
                int count = 0;
                for (int i = 0; i < 5; i++) {
                    try {
                        ops.listAssets(new ListAssetsRequest());
                    } catch (ServiceResponseException e) {
                        assertThat(e.getHttpStatusCode()).isEqualTo(503);
                        count++;
                    }
                }
                return count;
            }));
        }
        int total = 0;
        for (Future<Integer> f : faulted) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(total).as("40 concurrent calls, a rule of times 10").isEqualTo(10);
        assertThat(control.hits(rule)).isEqualTo(10);
    }

    @Test
    void aFaultedCallIsNotExecuted() {
        String name = "never created " + UUID.randomUUID();
        control.fault("""
                {"match": {"operation": "CreateDigitalAsset"},
                 "response": {"status": 500, "error_code": "MSS.00000004"}, "times": 1}""");
        assertThatThrownBy(() -> Assets.create(ops, CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE, name))
                .isInstanceOfSatisfying(ServiceResponseException.class, e -> assertThat(e.getHttpStatusCode()).isEqualTo(500));
        assertThat(ops.listAssets(new ListAssetsRequest().withName(name)).getAssets()).isEmpty();
    }

    @Test
    void methodAndAntPathMatchThePathAfterTheProject() {
        String assetId = Assets.create(ops, CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE, "path rule " + UUID.randomUUID());
        control.fault("""
                {"match": {"method": "GET", "path": "/digital-assets/*"},
                 "response": {"status": 429, "error_code": "APIGW.0308", "error_msg": "Throttled by a rule"}}""");
        ServiceResponseException e = catchThrowableOfType(() -> ops.showAsset(new ShowAssetRequest().withAssetId(assetId)),
                ServiceResponseException.class);
        assertThat(e.getHttpStatusCode()).isEqualTo(429);
        assertThat(e.getErrorCode()).isEqualTo("APIGW.0308");
        // The list is /digital-assets itself: not matched by /digital-assets/*.
        assertThat(ops.listAssets(new ListAssetsRequest()).getHttpStatusCode()).isEqualTo(200);
    }

    @Test
    void aRuleForAnotherProjectLeavesThisOneAlone() {
        String rule = control.fault("""
                {"match": {"operation": "ListAssets", "project_id": "%s"},
                 "response": {"status": 503, "error_code": "MSS.00000004"}}""".formatted(TestProjects.PROJECT_B));
        assertThat(ops.listAssets(new ListAssetsRequest()).getHttpStatusCode()).isEqualTo(200);
        assertThat(control.hits(rule)).isZero();
    }

    @Test
    void connectionResetSurfacesAsTheSdksConnectionException() {
        // OkHttp may retry a request whose connection died once on its own, so the rule stays for every attempt.
        String rule = control.fault("""
                {"match": {"operation": "ListAssets", "project_id": "%s"}, "response": {"fault": "CONNECTION_RESET"}}"""
                .formatted(OPS));
        assertThatThrownBy(() -> ops.listAssets(new ListAssetsRequest())).isInstanceOf(ConnectionException.class);
        assertThat(control.hits(rule)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anEmptyResponseSurfacesAsTheSdksConnectionException() {
        control.fault("""
                {"match": {"operation": "ListAssets", "project_id": "%s"}, "response": {"fault": "EMPTY_RESPONSE"}}"""
                .formatted(OPS));
        assertThatThrownBy(() -> ops.listAssets(new ListAssetsRequest())).isInstanceOf(ConnectionException.class);
    }

    @Test
    void aDelayAloneAddsLatencyAndTheCallSucceeds() {
        String rule = control.fault("""
                {"match": {"operation": "ListAssets", "project_id": "%s"}, "delay_ms": 800, "times": 1}""".formatted(OPS));
        long started = System.nanoTime();
        assertThat(ops.listAssets(new ListAssetsRequest()).getHttpStatusCode()).isEqualTo(200);
        // A lower bound only: the rule waited at least its delay before the call ran.
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(800);
        assertThat(control.hits(rule)).isEqualTo(1);
    }

    @Test
    void probabilityZeroNeverApplies() {
        String rule = control.fault("""
                {"match": {"operation": "ListAssets", "project_id": "%s"},
                 "response": {"status": 503, "error_code": "MSS.00000004"}, "probability": 0}""".formatted(OPS));
        for (int i = 0; i < 3; i++) {
            assertThat(ops.listAssets(new ListAssetsRequest()).getHttpStatusCode()).isEqualTo(200);
        }
        assertThat(control.hits(rule)).isZero();
    }

    @Test
    void aRefusedSignatureIsRefusedAsUsualAndDoesNotCountAsAHit() {
        String rule = control.fault("""
                {"match": {"operation": "ListAssets"}, "response": {"status": 503, "error_code": "MSS.00000004"}}""");
        MetaStudioClient wrongSecret = client(TestProjects.AK_OPS, "wrong" + TestProjects.SK_OPS.substring(5), OPS);
        ServiceResponseException e = catchThrowableOfType(() -> wrongSecret.listAssets(new ListAssetsRequest()),
                ServiceResponseException.class);
        assertThat(e.getHttpStatusCode()).isEqualTo(401);
        assertThat(control.hits(rule)).isZero();
    }

    @Test
    void deletingARuleStopsIt() {
        String rule = control.fault("""
                {"match": {"operation": "ListAssets", "project_id": "%s"},
                 "response": {"status": 503, "error_code": "MSS.00000004"}}""".formatted(OPS));
        assertThatThrownBy(() -> ops.listAssets(new ListAssetsRequest())).isInstanceOf(ServiceResponseException.class);
        assertThat(control.delete("/_emulator/faults/" + rule).status()).isEqualTo(200);
        assertThat(ops.listAssets(new ListAssetsRequest()).getHttpStatusCode()).isEqualTo(200);
        assertThat(control.delete("/_emulator/faults/" + rule).status()).isEqualTo(404);
        assertThat(control.get("/_emulator/faults/" + rule).status()).isEqualTo(404);
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        expectInvalid("{}", "match");
        expectInvalid("{\"match\": {\"operation\": \"ListAsset\"}, \"response\": {\"status\": 500, \"error_code\": \"X\"}}",
                "match.operation");
        expectInvalid("{\"match\": {\"operation\": \"ListAssets\"}, \"response\": {\"status\": 200, \"error_code\": \"X\"}}",
                "response.status");
        expectInvalid("{\"match\": {\"operation\": \"ListAssets\"}, \"response\": {\"status\": 500}}", "response.error_code");
        expectInvalid("{\"match\": {\"operation\": \"ListAssets\"}, \"response\": {\"fault\": \"HANG\"}}", "response.fault");
        expectInvalid("{\"match\": {\"operation\": \"ListAssets\"}, \"delay_ms\": 10, \"probability\": 2}", "probability");
        expectInvalid("{\"match\": {\"operation\": \"ListAssets\"}, \"delay_ms\": 10, \"times\": 0}", "times");
        expectInvalid("{\"match\": {\"operation\": \"ListAssets\"}, \"delay_ms\": -1}", "delay_ms");
        expectInvalid("{\"match\": {\"operation\": \"ListAssets\"}}", "response");
        expectInvalid("{\"match\": {\"method\": \"GET\"}, \"delay_ms\": 10}", "match.path");
        expectInvalid("{\"match\": {\"operation\": \"ListAssets\"}, \"delay_ms\": 10, \"tims\": 1}", "tims");
        expectInvalid("{\"match\": {\"operaton\": \"ListAssets\"}, \"delay_ms\": 10}", "match.operaton");
        expectInvalid("{\"match\": {\"job_kind\": \"PAINTING\"}, \"job_failure\": {\"error_code\": \"X\"}}", "match.job_kind");
        expectInvalid("{\"match\": {\"job_kind\": \"VIDEO\"}}", "job_failure");
        expectInvalid("{\"match\": {\"callback\": true}}", "delay_ms");
        expectInvalid("{\"match\": {\"operation\": \"ListAssets\"}, \"delay_ms\": \"soon\"}", "delay_ms");
        assertThat(control.get("/_emulator/faults").expect(200).get("rules")).isEmpty();
    }

    private void expectInvalid(String body, String field) {
        ControlPlane.Answer answer = control.post("/_emulator/faults", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.json().get("error_code").asText()).isEqualTo("MSS.00000003");
        assertThat(answer.json().get("error_msg").asText()).as(body).contains(field);
    }
}

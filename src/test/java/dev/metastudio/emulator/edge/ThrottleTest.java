package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpResponse;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With METASTUDIO_THROTTLE set to a region, that region's column of the documented table applies per tenant. */
@TestPropertySource(properties = "metastudio.throttle=ap-southeast-3")
class ThrottleTest extends ServerTest {

    @Test
    void batchActionsAreLimitedToOnePerSecondPerTenant() {
        BasicCredentials a = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
        BasicCredentials b = SdkWire.credentials(TestProjects.AK_B, TestProjects.SK_B, TestProjects.PROJECT_B);
        Call batch = Call.post("/v1/{project_id}/digital-assets/batch-action", "{}");
        List<HttpResponse> burst = concurrently(a, batch, 8);
        assertThat(burst).filteredOn(r -> r.getStatusCode() != 429).hasSizeBetween(1, 2);
        HttpResponse throttled = burst.stream().filter(r -> r.getStatusCode() == 429).findFirst().orElseThrow();
        assertThat(throttled.getBodyAsString()).contains("APIGW.0308").contains("limit:1");
        assertThat(throttled.getHeader("X-Request-Id")).isNotBlank();
        // Another tenant has its own allowance.
        assertThat(new SdkWire(baseUrl()).send(b, batch).getStatusCode()).isNotEqualTo(429);
    }

    /**
     * Sixty requests at once against a limit of ten per second: even if sending them took two seconds, at most
     * 10 + 20 could pass, so some must be refused; and at least the first second's ten pass.
     */
    @Test
    void queriesAllowTenPerSecondInSingapore() {
        BasicCredentials b = SdkWire.credentials(TestProjects.AK_B, TestProjects.SK_B, TestProjects.PROJECT_B);
        List<HttpResponse> burst = concurrently(b, Call.of(HttpMethod.GET, "/v1/{project_id}/digital-human-videos"), 60);
        long passed = burst.stream().filter(r -> r.getStatusCode() != 429).count();
        assertThat(passed).isGreaterThanOrEqualTo(10).isLessThan(60);
    }

    private List<HttpResponse> concurrently(BasicCredentials credentials, Call call, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 16));
        try {
            List<Future<HttpResponse>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> new SdkWire(baseUrl()).send(credentials, call)));
            }
            List<HttpResponse> responses = new ArrayList<>();
            for (Future<HttpResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}

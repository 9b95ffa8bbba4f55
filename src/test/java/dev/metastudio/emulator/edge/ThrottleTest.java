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
        SdkWire wire = new SdkWire(baseUrl());
        HttpResponse first = wire.send(a, batch);
        HttpResponse second = wire.send(a, batch);
        assertThat(first.getStatusCode()).isNotEqualTo(429);
        assertThat(second.getStatusCode()).isEqualTo(429);
        assertThat(second.getBodyAsString()).contains("APIGW.0308").contains("limit:1");
        assertThat(second.getHeader("X-Request-Id")).isNotBlank();
        // Another tenant has its own allowance.
        assertThat(wire.send(b, batch).getStatusCode()).isNotEqualTo(429);
    }

    @Test
    void queriesAllowTenPerSecondInSingapore() {
        BasicCredentials b = SdkWire.credentials(TestProjects.AK_B, TestProjects.SK_B, TestProjects.PROJECT_B);
        Call list = Call.of(HttpMethod.GET, "/v1/{project_id}/digital-human-videos");
        SdkWire wire = new SdkWire(baseUrl());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(wire.send(b, list).getStatusCode());
        }
        long throttled = statuses.stream().filter(s -> s == 429).count();
        assertThat(statuses.subList(0, 10)).doesNotContain(429);
        assertThat(throttled).isGreaterThan(0);
    }
}

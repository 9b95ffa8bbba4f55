package dev.metastudio.emulator.edge.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metastudio.emulator.support.H2ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The bounded API fuzz ({@link ApiFuzzer}) on the embedded H2: no 5xx, every error in the envelope. */
class ApiFuzzH2Test extends H2ServerTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    ObjectMapper mapper;

    @Test
    void everyMappedEndpointSurvivesHostileInputOnH2() throws Exception {
        ApiFuzzer.Outcome outcome = FuzzRun.fuzz(baseUrl(), ADMIN_TOKEN, mapping, mapper, "h2");
        assertThat(outcome.failures()).as("5xx, answers without X-Request-Id or outside the envelope").isEmpty();
    }
}

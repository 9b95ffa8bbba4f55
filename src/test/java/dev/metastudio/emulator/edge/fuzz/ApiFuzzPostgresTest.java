package dev.metastudio.emulator.edge.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metastudio.emulator.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The bounded API fuzz ({@link ApiFuzzer}) on PostgreSQL: no 5xx, every error in the envelope. */
class ApiFuzzPostgresTest extends ServerTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    ObjectMapper mapper;

    @Test
    void everyMappedEndpointSurvivesHostileInputOnPostgresql() throws Exception {
        ApiFuzzer.Outcome outcome = FuzzRun.fuzz(baseUrl(), null, mapping, mapper, "postgresql");
        assertThat(outcome.failures()).as("5xx, answers without X-Request-Id or outside the envelope").isEmpty();
    }
}

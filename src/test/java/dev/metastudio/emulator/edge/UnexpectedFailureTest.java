package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A failure nobody anticipated still answers in the envelope: 500 MSS.00000004, and nothing of its internals. */
class UnexpectedFailureTest {

    @Test
    void anUnexpectedExceptionBecomesAnInternalErrorWithoutDetails() {
        ResponseEntity<ErrorEnvelope> response = new ApiExceptionHandler()
                .unexpected(new IllegalStateException("connection pool exhausted at db-host-7"));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getBody().errorCode()).isEqualTo("MSS.00000004");
        assertThat(response.getBody().errorMsg()).isEqualTo("Internal Error");
    }
}

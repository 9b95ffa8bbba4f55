package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void defaultsDoubleFromOneSecondUpToFiveMinutesForEightAttempts() {
        RetrySchedule schedule = RetrySchedule.of(CallbackProperties.defaults());
        assertThat(schedule.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.backoffAfter(7)).isEqualTo(Duration.ofSeconds(64));
        assertThat(schedule.backoffAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(schedule.backoffAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.backoffAfter(1_000_000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.retriesAfter(7)).isTrue();
        assertThat(schedule.retriesAfter(8)).isFalse();
    }

    @Test
    void propertiesHaveTheDocumentedDefaultsAndRefuseNonsense() {
        CallbackProperties defaults = CallbackProperties.defaults();
        assertThat(defaults.allowedHosts()).isEqualTo("localhost,127.0.0.0/8,::1");
        assertThat(defaults.maxAttempts()).isEqualTo(8);
        assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.dispatchers()).isEqualTo(2);
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new CallbackProperties(null, 0, null, null, null, null, null, null))
                .hasMessageContaining("max-attempts must be at least 1");
        assertThatThrownBy(() -> new CallbackProperties(null, null, Duration.ofSeconds(10), Duration.ofSeconds(1),
                null, null, null, null)).hasMessageContaining("max-backoff");
        assertThatThrownBy(() -> new CallbackProperties(null, null, null, null, Duration.ZERO, null, null, null))
                .hasMessageContaining("connect-timeout must be positive");
    }
}

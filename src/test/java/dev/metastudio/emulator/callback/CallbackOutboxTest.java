package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox's compare-and-set SQL on both databases the product runs on: PostgreSQL and H2 in PostgreSQL mode
 * (the default deployment). Times are given explicitly, so leases expire without waiting.
 */
class CallbackOutboxTest {
    private static final int MAX_ATTEMPTS = 3;
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static CallbackOutbox postgresql;
    private static CallbackOutbox h2;

    @BeforeAll
    static void migrate() {
        TestDatabase.Target pg = TestDatabase.freshSchema();
        postgresql = outboxOn(new DriverManagerDataSource(pg.url(), pg.username(), pg.password()));
        h2 = outboxOn(new DriverManagerDataSource("jdbc:h2:mem:callbacks-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    static Stream<String> databases() {
        return Stream.of("postgresql", "h2");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void exactlyOneClaimWinsAndOnlyTheLeaseHolderRecords(String database) {
        CallbackOutbox outbox = outbox(database);
        CallbackDelivery delivery = pending(outbox, T0);

        assertThat(outbox.dueIds(T0.minusSeconds(1), MAX_ATTEMPTS, 1000)).doesNotContain(delivery.id());
        assertThat(outbox.dueIds(T0, MAX_ATTEMPTS, 1000)).contains(delivery.id());
        CallbackDelivery claimed = outbox.claim(delivery.id(), "node-a", T0, T0.plusSeconds(60), MAX_ATTEMPTS).orElseThrow();
        assertThat(claimed.state()).isEqualTo(DeliveryState.SENDING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(outbox.claim(delivery.id(), "node-b", T0, T0.plusSeconds(60), MAX_ATTEMPTS)).isEmpty();
        assertThat(outbox.dueIds(T0.plusSeconds(59), MAX_ATTEMPTS, 1000)).doesNotContain(delivery.id());

        assertThat(outbox.markDelivered(delivery.id(), "node-b", 200, T0.plusSeconds(1))).isFalse();
        Instant retryAt = T0.plusSeconds(5);
        assertThat(outbox.scheduleRetry(delivery.id(), "node-a", 500, "HTTP 500", retryAt, T0.plusSeconds(1))).isTrue();
        CallbackDelivery waiting = outbox.find(delivery.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(waiting.lastStatus()).isEqualTo(500);
        assertThat(waiting.lastError()).isEqualTo("HTTP 500");
        assertThat(outbox.dueIds(retryAt.minusMillis(1), MAX_ATTEMPTS, 1000)).doesNotContain(delivery.id());

        outbox.claim(delivery.id(), "node-b", retryAt, retryAt.plusSeconds(60), MAX_ATTEMPTS).orElseThrow();
        assertThat(outbox.markDelivered(delivery.id(), "node-b", 204, retryAt.plusSeconds(1))).isTrue();
        CallbackDelivery delivered = outbox.find(delivery.id()).orElseThrow();
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastStatus()).isEqualTo(204);
        assertThat(delivered.lastError()).isNull();
        assertThat(delivered.nextAttemptAt()).isNull();
        assertThat(delivered.updateTime()).isEqualTo(retryAt.plusSeconds(1));
        assertThat(outbox.dueIds(T0.plus(Duration.ofDays(1)), MAX_ATTEMPTS, 1000)).doesNotContain(delivery.id());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anExpiredLeaseIsTakenOverAndTheOldHolderCanNoLongerRecord(String database) {
        CallbackOutbox outbox = outbox(database);
        CallbackDelivery delivery = pending(outbox, T0);
        outbox.claim(delivery.id(), "dead-node", T0, T0.plusSeconds(30), MAX_ATTEMPTS).orElseThrow();

        Instant later = T0.plusSeconds(30);
        assertThat(outbox.dueIds(later, MAX_ATTEMPTS, 1000)).contains(delivery.id());
        CallbackDelivery takenOver = outbox.claim(delivery.id(), "node-b", later, later.plusSeconds(30), MAX_ATTEMPTS)
                .orElseThrow();
        assertThat(takenOver.attempts()).isEqualTo(2);
        assertThat(outbox.markFailed(delivery.id(), "dead-node", null, "late", later)).isFalse();
        assertThat(outbox.markFailed(delivery.id(), "node-b", null, "x".repeat(3000), later)).isTrue();
        CallbackDelivery failed = outbox.find(delivery.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.lastStatus()).isNull();
        assertThat(failed.lastError()).hasSize(2048).endsWith("...");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aClaimCutShortOnTheLastAttemptIsFailedNotRetried(String database) {
        CallbackOutbox outbox = outbox(database);
        CallbackDelivery delivery = pending(outbox, T0);
        Instant now = T0;
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            outbox.claim(delivery.id(), "node-a", now, now.plusSeconds(10), MAX_ATTEMPTS).orElseThrow();
            outbox.scheduleRetry(delivery.id(), "node-a", 500, "HTTP 500", now, now);
        }
        outbox.claim(delivery.id(), "dying-node", now, now.plusSeconds(10), MAX_ATTEMPTS).orElseThrow();

        Instant expired = now.plusSeconds(10);
        assertThat(outbox.dueIds(expired, MAX_ATTEMPTS, 1000)).doesNotContain(delivery.id());
        assertThat(outbox.claim(delivery.id(), "node-b", expired, expired.plusSeconds(10), MAX_ATTEMPTS)).isEmpty();
        assertThat(outbox.failAbandoned(now.plusSeconds(9), MAX_ATTEMPTS)).as("lease still running").isZero();
        assertThat(outbox.failAbandoned(expired, MAX_ATTEMPTS)).isGreaterThanOrEqualTo(1);
        CallbackDelivery failed = outbox.find(delivery.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.lastError()).contains("interrupted");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recentListsNewestFirstWithFilters(String database) {
        CallbackOutbox outbox = outbox(database);
        String project = "p-" + UUID.randomUUID();
        CallbackDelivery older = pending(outbox, T0, project, "job-1");
        CallbackDelivery newer = pending(outbox, T0.plusMillis(1), project, "job-2");
        pending(outbox, T0.plusMillis(2), "other-" + project, "job-1");

        assertThat(outbox.recent(project, null, 100)).extracting(CallbackDelivery::id)
                .containsExactly(newer.id(), older.id());
        assertThat(outbox.recent(project, "job-1", 100)).extracting(CallbackDelivery::id).containsExactly(older.id());
        assertThat(outbox.recent(project, null, 1)).extracting(CallbackDelivery::id).containsExactly(newer.id());
        CallbackDelivery read = outbox.find(older.id()).orElseThrow();
        assertThat(read).isEqualTo(older);
    }

    private static CallbackOutbox outbox(String database) {
        return database.equals("h2") ? h2 : postgresql;
    }

    private static CallbackOutbox outboxOn(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new CallbackOutbox(new JdbcTemplate(dataSource));
    }

    private static CallbackDelivery pending(CallbackOutbox outbox, Instant at) {
        return pending(outbox, at, "p-" + UUID.randomUUID(), "job-" + UUID.randomUUID());
    }

    private static CallbackDelivery pending(CallbackOutbox outbox, Instant at, String project, String job) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        CallbackDelivery delivery = new CallbackDelivery(UUID.randomUUID().toString().replace("-", ""), project, job,
                "http://127.0.0.1:9/cb", Signing.MSS_A, "key", "{\"result\":\"SUCCEED\"}", DeliveryState.PENDING, 0,
                time, null, null, time, time);
        outbox.insert(delivery);
        return delivery;
    }
}

package dev.metastudio.emulator.control.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ring's bounds (entries and body bytes) and the masking of secrets, without a server. */
class RequestJournalTest {

    private static JournalEntry entry(String id, String project, int bodyBytes) {
        byte[] body = bodyBytes == 0 ? null : "x".repeat(bodyBytes).getBytes(StandardCharsets.UTF_8);
        return new JournalEntry(id, Instant.now(), "GET", "/v1/" + project + "/digital-assets", null, project, "AKSK",
                null, 200, 1, Map.of(), new JournalEntry.Body(0, null, false, null),
                new JournalEntry.Body(bodyBytes, "application/json", false, body));
    }

    @Test
    void theRingKeepsTheNewestEntriesUpToItsCapacity() {
        RequestJournal journal = new RequestJournal(3, Long.MAX_VALUE);
        for (int i = 1; i <= 5; i++) {
            journal.add(entry("r" + i, "p", 0));
        }
        assertThat(journal.size()).isEqualTo(3);
        assertThat(journal.newest(e -> true, 10)).extracting(e -> e.requestId).containsExactly("r5", "r4", "r3");
        assertThat(journal.find("r2")).isEmpty();
        assertThat(journal.newest(e -> true, 2)).hasSize(2);
    }

    @Test
    void pastTheBodyBudgetTheOldestEntriesLoseTheirBodiesButStay() {
        RequestJournal journal = new RequestJournal(10, 250);
        for (int i = 1; i <= 4; i++) {
            journal.add(entry("r" + i, "p", 100));
        }
        assertThat(journal.size()).isEqualTo(4);
        assertThat(journal.find("r1").orElseThrow().response.evicted()).isTrue();
        assertThat(journal.find("r2").orElseThrow().response.evicted()).isTrue();
        assertThat(journal.find("r3").orElseThrow().response.bytes()).hasSize(100);
        assertThat(journal.find("r4").orElseThrow().response.bytes()).hasSize(100);
        assertThat(JournalView.of(journal.find("r1").orElseThrow()).responseBody())
                .isEqualTo(Map.of("omitted", "evicted", "size", 100L, "content_type", "application/json"));
    }

    @Test
    void removingAProjectKeepsTheOthersInOrder() {
        RequestJournal journal = new RequestJournal(4, Long.MAX_VALUE);
        for (int i = 1; i <= 6; i++) {
            journal.add(entry("r" + i, i % 2 == 0 ? "even" : "odd", 0));
        }
        assertThat(journal.remove("even")).isEqualTo(2);
        assertThat(journal.newest(e -> true, 10)).extracting(e -> e.requestId).containsExactly("r5", "r3");
        journal.add(entry("r7", "odd", 0));
        assertThat(journal.newest(e -> true, 10)).extracting(e -> e.requestId).containsExactly("r7", "r5", "r3");
        assertThat(journal.remove(null)).isEqualTo(3);
        assertThat(journal.size()).isZero();
    }

    @Test
    void offRecordsNothing() {
        RequestJournal journal = new RequestJournal(0, Long.MAX_VALUE);
        journal.add(entry("r1", "p", 10));
        assertThat(journal.enabled()).isFalse();
        assertThat(journal.size()).isZero();
    }

    @Test
    void signaturesTokensAndCookiesAreMasked() {
        assertThat(Secrets.header("authorization", "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date,"
                + " Signature=0123abcd")).isEqualTo("SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date,"
                + " Signature=****");
        assertThat(Secrets.header("authorization", "Bearer secret-token")).isEqualTo("Bearer ****");
        assertThat(Secrets.header("x-auth-token", "MIIE...")).isEqualTo("****");
        assertThat(Secrets.header("x-security-token", "abc")).isEqualTo("****");
        assertThat(Secrets.header("cookie", "a=b")).isEqualTo("****");
        assertThat(Secrets.header("content-type", "application/json")).isEqualTo("application/json");
        assertThat(Secrets.query("AccessKeyId=k&Expires=1&Signature=abc%2Bdef")).isEqualTo(
                "AccessKeyId=k&Expires=1&Signature=****");
        assertThat(Secrets.query("limit=3")).isEqualTo("limit=3");
    }

    @Test
    void textBodiesAreKeptUpTo64KbAndBinaryOnesOnlyCounted() {
        BodyTap json = new BodyTap();
        json.decide("application/json;charset=UTF-8");
        json.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8), 0, 7);
        assertThat(new String(json.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");

        BodyTap big = new BodyTap();
        big.decide("application/json");
        byte[] chunk = new byte[40 * 1024];
        big.write(chunk, 0, chunk.length);
        big.write(chunk, 0, chunk.length);
        assertThat(big.bytes()).isNull();
        assertThat(big.tooLarge()).isTrue();
        assertThat(big.size()).isEqualTo(80 * 1024);

        BodyTap video = new BodyTap();
        video.decide("video/mp4");
        video.write(chunk, 0, chunk.length);
        assertThat(video.bytes()).isNull();
        assertThat(video.tooLarge()).isFalse();
        assertThat(video.size()).isEqualTo(chunk.length);
    }
}

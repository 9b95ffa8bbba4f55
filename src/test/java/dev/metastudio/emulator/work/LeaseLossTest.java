package dev.metastudio.emulator.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A kind that cannot be resumed on another node ({@link WorkKind#resumesAfterLeaseLoss} false, e.g. a live stream)
 * fails with its kind's code when the lease recovery finds its node gone, on its first attempt already; a resumable
 * kind's job on the same recovery pass goes back to the queue.
 */
class LeaseLossTest {

    @Test
    void anExpiredLeaseFailsANonResumableKindAtOnceAndRequeuesAResumableOne() throws Exception {
        WorkHarness.TestKind live = new WorkHarness.TestKind("LIVE");
        live.resumes = false;
        WorkHarness.TestKind video = new WorkHarness.TestKind("VIDEO");
        try (WorkHarness h = WorkHarness.h2("", live, video)) {
            h.submit("LIVE", "l-lost");
            h.submit("VIDEO", "v-lost");
            h.submit("LIVE", "l-held");
            h.jdbc.update("UPDATE work_item SET queue_state = 'RUNNING', job_state = 'PROCESSING', lease_owner = 'gone',"
                    + " lease_until = ?, attempts = 1 WHERE subject_id IN ('l-lost', 'v-lost')",
                    java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
            // A live job whose node still renews its lease is left alone.
            h.jdbc.update("UPDATE work_item SET queue_state = 'RUNNING', job_state = 'PROCESSING', lease_owner = 'alive',"
                    + " lease_until = ?, attempts = 1 WHERE subject_id = 'l-held'",
                    java.sql.Timestamp.from(Instant.now().plusSeconds(60)));
            assertThat(h.engine.recoverExpiredLeases()).isEqualTo(2);

            WorkItem lost = h.item("LIVE", "l-lost");
            assertThat(lost.queueState()).isEqualTo(QueueState.DONE);
            assertThat(lost.jobState()).isEqualTo("FAILED");
            assertThat(live.failed.get("l-lost")).startsWith("MSS.LIVE.INTERNAL Heartbeat of the task was lost");
            assertThat(live.requeued).isEmpty();

            assertThat(h.item("VIDEO", "v-lost").queueState()).isEqualTo(QueueState.QUEUED);
            assertThat(video.requeued).containsExactly("v-lost");

            assertThat(h.item("LIVE", "l-held").queueState()).isEqualTo(QueueState.RUNNING);
            assertThat(live.failed).doesNotContainKey("l-held");
        }
    }
}

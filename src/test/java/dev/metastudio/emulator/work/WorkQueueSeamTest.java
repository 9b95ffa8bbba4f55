package dev.metastudio.emulator.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The seams of the work queue, on a real database with the real migrations: which node claims what, the signal
 * channel (commands, stop), the progression gate (manual advance, minimum dwell, pacing), injected faults, lease
 * recovery, and the guarantee that a runner which lost its item never writes.
 */
class WorkQueueSeamTest {
    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    void aNodeClaimsOnlyTheKindsItRuns() throws Exception {
        WorkHarness.TestKind mine = new WorkHarness.TestKind("MINE");
        WorkHarness.TestKind other = new WorkHarness.TestKind("OTHER");
        mine.runner = (item, context) -> context.transition("SUCCEED", () -> true);
        other.runner = mine.runner;
        try (WorkHarness h = WorkHarness.h2("MINE", mine, other).start()) {
            h.submit("OTHER", "job-other");
            h.submit("MINE", "job-mine");
            assertThat(h.await("MINE", "job-mine", QueueState.DONE).jobState()).isEqualTo("SUCCEED");
            Thread.sleep(500);
            WorkItem untouched = h.item("OTHER", "job-other");
            assertThat(untouched.queueState()).isEqualTo(QueueState.QUEUED);
            assertThat(untouched.attempts()).as("never claimed, so never failed either").isZero();
            assertThat(other.failed).isEmpty();
        }
    }

    @Test
    void commandsAndAStopReachTheRunningJobAndItEndsAsItsRunnerSays() throws Exception {
        WorkHarness.TestKind live = new WorkHarness.TestKind("LIVE");
        List<String> seen = new ArrayList<>();
        live.runner = (item, context) -> {
            context.transition("PROCESSING", () -> true);
            while (context.stopReason() == WorkContext.StopReason.NONE) {
                for (WorkCommand command : context.takeCommands()) {
                    seen.add(command.seq() + ":" + command.name());
                    context.completeCommand(command.commandId(), true, "{\"echo\":" + command.payload() + "}");
                }
                context.awaitSignal(Duration.ofSeconds(2));
            }
            assertThat(context.stopReason()).isEqualTo(WorkContext.StopReason.STOP);
            context.transition("SUCCEED", () -> true);
        };
        try (WorkHarness h = WorkHarness.h2("", live).start()) {
            h.submit("LIVE", "live-1");
            awaitJobState(h, "LIVE", "live-1", "PROCESSING");
            long sent = System.nanoTime();
            WorkCommand first = h.queue.command("LIVE", "live-1", "INSERT_PLAY_SCRIPT", "{\"text\":\"hi\"}").orElseThrow();
            WorkCommand done = h.queue.awaitCommand(first.commandId(), SOON).orElseThrow();
            System.out.printf("work-seam: command answered after %d ms on the same node%n",
                    (System.nanoTime() - sent) / 1_000_000);
            assertThat(done.state()).isEqualTo(WorkCommand.State.SUCCEEDED);
            assertThat(done.result()).isEqualTo("{\"echo\":{\"text\":\"hi\"}}");
            WorkCommand second = h.queue.command("LIVE", "live-1", "REFRESH_OUTPUT_URL", "{}").orElseThrow();
            assertThat(second.seq()).isEqualTo(2);
            assertThat(h.queue.awaitCommand(second.commandId(), SOON).orElseThrow().state())
                    .isEqualTo(WorkCommand.State.SUCCEEDED);
            assertThat(seen).containsExactly("1:INSERT_PLAY_SCRIPT", "2:REFRESH_OUTPUT_URL");

            assertThat(h.queue.stop("LIVE", "live-1")).isPresent();
            WorkItem stopped = h.await("LIVE", "live-1", QueueState.DONE);
            assertThat(stopped.jobState()).isEqualTo("SUCCEED");
            assertThat(h.queue.command("LIVE", "live-1", "INSERT_PLAY_SCRIPT", "{}")).as("finished jobs take none")
                    .isEmpty();
            assertThat(h.queue.stop("LIVE", "live-1")).isEmpty();
        }
    }

    /** The stop is given on a node that does not run the job: it arrives by the runner's node's signal poll. */
    @Test
    void aStopGivenOnAnotherNodeReachesTheRunnerByItsPoll() throws Exception {
        WorkHarness.TestKind live = new WorkHarness.TestKind("LIVE");
        AtomicReference<Long> stoppedAt = new AtomicReference<>();
        live.runner = (item, context) -> {
            context.transition("PROCESSING", () -> true);
            while (!context.stopRequested()) {
                context.awaitSignal(Duration.ofSeconds(5));
            }
            stoppedAt.set(System.nanoTime());
            context.transition("SUCCEED", () -> true);
        };
        try (WorkHarness runner = WorkHarness.h2("", live).start();
             WorkHarness api = runner.node("api-node", "NONE", new WorkHarness.TestKind("LIVE"))) {
            api.submit("LIVE", "live-remote");
            awaitJobState(runner, "LIVE", "live-remote", "PROCESSING");
            long sent = System.nanoTime();
            api.queue.stop("LIVE", "live-remote");
            assertThat(runner.await("LIVE", "live-remote", QueueState.DONE).jobState()).isEqualTo("SUCCEED");
            long millis = (stoppedAt.get() - sent) / 1_000_000;
            System.out.printf("work-seam: a stop from another node reached the runner after %d ms (poll 250 ms)%n",
                    millis);
            assertThat(runner.item("LIVE", "live-remote").lastOwner()).isEqualTo("node-1");
        }
    }

    /** Two nodes on PostgreSQL claim with FOR UPDATE SKIP LOCKED: every item runs exactly once. */
    @Test
    void twoNodesOnPostgresqlRunEachItemOnce() throws Exception {
        WorkHarness.TestKind kind = new WorkHarness.TestKind("TTS");
        java.util.Map<String, String> ranOn = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        kind.runner = (item, context) -> {
            runs.incrementAndGet();
            ranOn.put(item.subjectId(), context.nodeId());
            context.transition("PROCESSING", () -> true);
            context.transition("SUCCEED", () -> true);
        };
        dev.metastudio.emulator.support.TestDatabase.Target db = dev.metastudio.emulator.support.TestDatabase.freshSchema();
        try (WorkHarness one = new WorkHarness(db.url(), db.username(), db.password(), "pg-one", "", kind);
             WorkHarness two = one.node("pg-two", "", kind)) {
            for (int i = 0; i < 12; i++) {
                one.submit("TTS", "tts-" + i);
            }
            one.start();
            two.start();
            for (int i = 0; i < 12; i++) {
                assertThat(one.await("TTS", "tts-" + i, QueueState.DONE).attempts()).isEqualTo(1);
            }
            assertThat(runs.get()).isEqualTo(12);
            assertThat(ranOn).hasSize(12);
        }
    }

    /**
     * Workers poll twice a second; on PostgreSQL the poll is a locking transaction. One that claims nothing must not
     * count as a write, or it would drop this node's read caches at every poll (config/LocalWrites, issue 15).
     */
    @Test
    void anEmptyPollOnPostgresCountsAsNoWriteAndAClaimDoes() throws Exception {
        WorkHarness.TestKind kind = new WorkHarness.TestKind("TTS");
        dev.metastudio.emulator.support.TestDatabase.Target db = dev.metastudio.emulator.support.TestDatabase.freshSchema();
        try (WorkHarness h = new WorkHarness(db.url(), db.username(), db.password(), "pg-one", "", kind)) {
            long before = h.writes.generation();
            assertThat(h.engine.claim("pg-one", List.of("TTS"), List.of("cpu"))).isEmpty();
            assertThat(h.writes.generation()).as("an empty poll").isEqualTo(before);
            h.submit("TTS", "tts-claimed");
            long queued = h.writes.generation();
            assertThat(h.engine.claim("pg-one", List.of("TTS"), List.of("cpu"))).isPresent();
            assertThat(h.writes.generation()).as("a claim writes the lease").isGreaterThan(queued);
        }
    }

    /** A training-like job waits for the tenant without holding a worker, and resumes on the tenant's command. */
    @Test
    void aJobParkedForATenantsCommandHoldsNoWorkerAndResumesOnTheCommand() throws Exception {
        WorkHarness.TestKind training = new WorkHarness.TestKind("TRAINING");
        List<String> resumedIn = new java.util.concurrent.CopyOnWriteArrayList<>();
        training.runner = (item, context) -> {
            if (item.jobState().equals("WAITING")) {
                context.transition("PROCESSING", () -> true);
                context.park("WAIT_USER_CONFIRM", () -> true);
                return;
            }
            resumedIn.add(item.jobState());
            for (WorkCommand command : context.takeCommands()) {
                context.completeCommand(command.commandId(), true, "{\"command_result\":\"EXECUTE_SUCCESS\"}");
                context.transition(command.name().equals("CONFIRM_ACCEPT") ? "SUCCEED" : "FAILED", () -> true);
            }
        };
        try (WorkHarness h = WorkHarness.h2("", training).start()) {
            h.submit("TRAINING", "train-1");
            WorkItem parked = h.await("TRAINING", "train-1", QueueState.PARKED);
            assertThat(parked.jobState()).isEqualTo("WAIT_USER_CONFIRM");
            assertThat(parked.leaseOwner()).isNull();
            assertThat(parked.attempts()).as("waiting for a tenant spends no attempt").isZero();
            assertThat(h.queue.advance("train-1", SOON)).isEqualTo(new Advance.AwaitingCommand("WAIT_USER_CONFIRM"));
            WorkCommand accept = h.queue.command("TRAINING", "train-1", "CONFIRM_ACCEPT", "{}").orElseThrow();
            assertThat(h.await("TRAINING", "train-1", QueueState.DONE).jobState()).isEqualTo("SUCCEED");
            assertThat(resumedIn).containsExactly("WAIT_USER_CONFIRM");
            assertThat(h.queue.command(accept.commandId()).orElseThrow().result()).contains("EXECUTE_SUCCESS");
        }
    }

    /** A control-plane reset removes a project's items: a runner in the middle of its work never writes again. */
    @Test
    void removingAProjectsItemsStopsTheirRunnersWithoutWrites() throws Exception {
        WorkHarness.TestKind video = new WorkHarness.TestKind("VIDEO");
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Boolean> wrote = new AtomicReference<>();
        video.runner = (item, context) -> {
            context.transition("PROCESSING", () -> true);
            running.countDown();
            while (!context.stopRequested()) {
                context.awaitSignal(Duration.ofSeconds(2));
            }
            wrote.set(context.transition("SUCCEED", () -> true));
        };
        try (WorkHarness h = WorkHarness.h2("", video).start()) {
            h.submit("VIDEO", "v-reset");
            await(running);
            assertThat(h.queue.removeProject("project-1")).isEqualTo(1);
            awaitTrue(() -> wrote.get() != null);
            assertThat(wrote.get()).isFalse();
            assertThat(h.queue.item("VIDEO", "v-reset")).isEmpty();
            assertThat(video.failed).isEmpty();
        }
    }

    @Test
    void manualProgressionHoldsEveryDocumentedStateUntilAdvanced() throws Exception {
        WorkHarness.TestKind video = new WorkHarness.TestKind("VIDEO");
        CountDownLatch workDone = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicBoolean paced = new AtomicBoolean();
        video.runner = (item, context) -> {
            paced.set(context.paced());
            context.transition("PROCESSING", () -> true);
            await(mayFinish);
            workDone.countDown();
            context.transition("SUCCEED", () -> true);
        };
        try (WorkHarness h = WorkHarness.h2("", video)) {
            h.policy(kind -> new Progression(Progression.Mode.MANUAL, Duration.ZERO));
            h.start();
            WorkItem held = h.submit("VIDEO", "v-1");
            assertThat(held.queueState()).isEqualTo(QueueState.HELD);
            assertThat(held.awaitingState()).isEqualTo("PROCESSING");
            Thread.sleep(400);
            assertThat(h.item("VIDEO", "v-1").queueState()).as("a held job is not claimed").isEqualTo(QueueState.HELD);

            assertThat(h.queue.advance("v-1", SOON)).isEqualTo(new Advance.Advanced("WAITING", "PROCESSING"));
            assertThat(h.queue.advance("v-1", SOON)).as("its work is not done yet")
                    .isEqualTo(new Advance.StillWorking("PROCESSING"));
            mayFinish.countDown();
            await(workDone);
            awaitAwaiting(h, "VIDEO", "v-1", "SUCCEED");
            assertThat(h.item("VIDEO", "v-1").jobState()).as("the work is done, the state waits").isEqualTo("PROCESSING");
            assertThat(h.queue.advance("v-1", SOON)).isEqualTo(new Advance.Advanced("PROCESSING", "SUCCEED"));
            assertThat(h.item("VIDEO", "v-1").queueState()).isEqualTo(QueueState.DONE);
            assertThat(h.queue.advance("v-1", SOON)).isEqualTo(new Advance.Terminal("SUCCEED"));
            assertThat(h.queue.advance("no-such-job", SOON)).isEqualTo(new Advance.Unknown("no-such-job"));
            assertThat(paced.get()).as("manual progression keeps real-time pacing").isTrue();
        }
    }

    @Test
    void aRealtimeJobCannotBeAdvancedAndHeldJobsAreReleasedWhenManualModeEnds() throws Exception {
        WorkHarness.TestKind video = new WorkHarness.TestKind("VIDEO");
        video.runner = (item, context) -> {
            context.transition("PROCESSING", () -> true);
            context.transition("SUCCEED", () -> true);
        };
        AtomicReference<Progression> progression = new AtomicReference<>(
                new Progression(Progression.Mode.MANUAL, Duration.ZERO));
        try (WorkHarness h = WorkHarness.h2("", video)) {
            h.policy(kind -> progression.get());
            h.start();
            assertThat(h.submit("VIDEO", "v-held").queueState()).isEqualTo(QueueState.HELD);
            progression.set(Progression.DEFAULT);
            h.pool.recover();
            assertThat(h.await("VIDEO", "v-held", QueueState.DONE).jobState()).isEqualTo("SUCCEED");
            h.queue.setPaused(true);
            h.submit("VIDEO", "v-waiting");
            assertThat(h.queue.advance("v-waiting", SOON)).isEqualTo(new Advance.NotManual("WAITING"));
            h.queue.setPaused(false);
            h.await("VIDEO", "v-waiting", QueueState.DONE);
        }
    }

    @Test
    void aMinimumDwellHoldsTheJobInItsWorkingStateAndImmediateModeTurnsPacingOff() throws Exception {
        WorkHarness.TestKind video = new WorkHarness.TestKind("VIDEO");
        AtomicReference<Instant> processingSince = new AtomicReference<>();
        AtomicBoolean paced = new AtomicBoolean(true);
        video.runner = (item, context) -> {
            paced.set(context.paced());
            context.transition("PROCESSING", () -> {
                processingSince.set(Instant.now());
                return true;
            });
            context.transition("SUCCEED", () -> true);
        };
        try (WorkHarness h = WorkHarness.h2("", video)) {
            h.policy(kind -> new Progression(Progression.Mode.IMMEDIATE, Duration.ofMillis(600)));
            h.start();
            h.submit("VIDEO", "v-dwell");
            WorkItem done = h.await("VIDEO", "v-dwell", QueueState.DONE);
            assertThat(Duration.between(processingSince.get(), done.endTime()).toMillis()).isGreaterThanOrEqualTo(550);
            assertThat(paced.get()).isFalse();
        }
    }

    @Test
    void anInjectedFaultEndsTheJobThroughItsKindsFailurePathAndTheRunnerNeverWrites() throws Exception {
        WorkHarness.TestKind video = new WorkHarness.TestKind("VIDEO");
        AtomicReference<WorkContext.StopReason> reason = new AtomicReference<>();
        AtomicBoolean wrote = new AtomicBoolean();
        video.runner = (item, context) -> {
            context.transition("PROCESSING", () -> true);
            while (!context.stopRequested()) {
                context.awaitSignal(Duration.ofMillis(200));
            }
            reason.set(context.stopReason());
            wrote.set(context.transition("SUCCEED", () -> true));
        };
        try (WorkHarness h = WorkHarness.h2("", video)) {
            h.faults(item -> Optional.of(new WorkFaults.Fault("MSS.45000016", "injected", Duration.ofMillis(200))));
            h.start();
            h.submit("VIDEO", "v-fault");
            WorkItem failed = h.await("VIDEO", "v-fault", QueueState.DONE);
            assertThat(failed.jobState()).isEqualTo("FAILED");
            assertThat(video.failed).containsEntry("v-fault", "MSS.45000016 injected");
            awaitTrue(() -> reason.get() != null);
            assertThat(reason.get()).isEqualTo(WorkContext.StopReason.LEASE_LOST);
            assertThat(wrote.get()).isFalse();
            assertThat(h.item("VIDEO", "v-fault").jobState()).isEqualTo("FAILED");
        }
    }

    @Test
    void aCancelledJobsRunnerLosesItAndARunnerWithoutAResultFailsWithItsKindsCode() throws Exception {
        WorkHarness.TestKind video = new WorkHarness.TestKind("VIDEO");
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean wrote = new AtomicBoolean(true);
        video.runner = (item, context) -> {
            if (item.subjectId().equals("v-silent")) {
                context.transition("PROCESSING", () -> true);
                return;
            }
            context.transition("PROCESSING", () -> true);
            running.countDown();
            while (!context.stopRequested()) {
                context.awaitSignal(Duration.ofMillis(200));
            }
            wrote.set(context.transition("SUCCEED", () -> true));
        };
        try (WorkHarness h = WorkHarness.h2("", video).start()) {
            h.submit("VIDEO", "v-cancel");
            await(running);
            assertThat(h.queue.cancel("VIDEO", "v-cancel", "CANCELED")).isTrue();
            awaitTrue(() -> !wrote.get());
            assertThat(h.item("VIDEO", "v-cancel").jobState()).isEqualTo("CANCELED");
            assertThat(h.queue.cancel("VIDEO", "v-cancel", "CANCELED")).isFalse();

            h.submit("VIDEO", "v-silent");
            assertThat(h.await("VIDEO", "v-silent", QueueState.DONE).jobState()).isEqualTo("FAILED");
            assertThat(video.failed.get("v-silent")).startsWith("MSS.VIDEO.INTERNAL ");
        }
    }

    @Test
    void anExpiredLeaseRequeuesTheJobAndItsLastAttemptFailsItWithItsKindsCode() throws Exception {
        WorkHarness.TestKind video = new WorkHarness.TestKind("VIDEO");
        try (WorkHarness h = WorkHarness.h2("", video)) {
            h.submit("VIDEO", "v-lost");
            h.submit("VIDEO", "v-dead");
            h.jdbc.update("UPDATE work_item SET queue_state = 'RUNNING', job_state = 'PROCESSING', lease_owner = 'gone',"
                    + " lease_until = ?, attempts = CASE subject_id WHEN 'v-lost' THEN 1 ELSE 2 END",
                    java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
            assertThat(h.engine.recoverExpiredLeases()).isEqualTo(2);
            WorkItem lost = h.item("VIDEO", "v-lost");
            assertThat(lost.queueState()).isEqualTo(QueueState.QUEUED);
            assertThat(lost.jobState()).isEqualTo("WAITING");
            assertThat(lost.leaseOwner()).isNull();
            assertThat(video.requeued).containsExactly("v-lost");
            WorkItem dead = h.item("VIDEO", "v-dead");
            assertThat(dead.queueState()).isEqualTo(QueueState.DONE);
            assertThat(dead.jobState()).isEqualTo("FAILED");
            assertThat(video.failed.get("v-dead")).startsWith("MSS.VIDEO.INTERNAL Undefined internal error");
        }
    }

    private static void awaitJobState(WorkHarness h, String kind, String subject, String state) throws Exception {
        awaitTrue(() -> h.item(kind, subject).jobState().equals(state));
    }

    private static void awaitAwaiting(WorkHarness h, String kind, String subject, String state) throws Exception {
        awaitTrue(() -> state.equals(h.item(kind, subject).awaitingState()));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(SOON.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

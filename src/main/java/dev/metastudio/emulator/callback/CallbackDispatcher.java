package dev.metastudio.emulator.callback;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends recorded callbacks from threads of its own, so a job worker only ever writes a row. Each thread claims a due
 * delivery (a compare-and-set on the row, so with several nodes on one database exactly one sends it), makes one
 * attempt, and records DELIVERED, a retry with exponential backoff, or FAILED once the attempts are spent.
 *
 * <p>Idle threads look for work every {@code poll-interval} (deliveries recorded or retries scheduled by other
 * nodes) and are woken at once for what this node records or reschedules.
 */
@Component
class CallbackDispatcher implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);
    /** Due rows fetched per look; other nodes may win some of them. */
    private static final int CLAIM_BATCH = 10;
    /** A claim outlives the longest attempt by this much: name resolution, recording the outcome, a slow database. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /**
     * A retry's wake-up comes this much after its due time: the timer counts on a different clock than the one the
     * due time was computed from, and a wake-up that finds the row not yet due would leave it to the next poll.
     */
    private static final Duration WAKE_SLACK = Duration.ofMillis(10);

    private final CallbackOutbox outbox;
    private final CallbackSender sender;
    private final ObjectProvider<CallbackFaults> faults;
    private final RetrySchedule retries;
    private final Clock clock;
    private final int threadCount;
    private final Duration pollInterval;
    private final Duration lease;
    /** Whose lease a SENDING row is; unique per process so a restarted node never mistakes old claims for its own. */
    private final String nodeId = newNodeId();
    private final Semaphore work = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile Instant nextAbandonSweep = Instant.MIN;
    private volatile ScheduledExecutorService timer;

    /** A dispatcher without callback faults (tests that run a second node by hand). */
    CallbackDispatcher(CallbackOutbox outbox, CallbackSender sender, CallbackProperties properties, Clock clock) {
        this(outbox, sender, properties, clock, new StaticListableBeanFactory().getBeanProvider(CallbackFaults.class));
    }

    @Autowired
    CallbackDispatcher(CallbackOutbox outbox, CallbackSender sender, CallbackProperties properties, Clock clock,
                       ObjectProvider<CallbackFaults> faults) {
        this.outbox = outbox;
        this.sender = sender;
        this.faults = faults;
        this.retries = RetrySchedule.of(properties);
        this.clock = clock;
        this.threadCount = properties.dispatchers();
        this.pollInterval = properties.pollInterval();
        this.lease = sender.longestAttempt().plus(LEASE_MARGIN);
    }

    /** Something may be due now: one idle thread looks at once instead of at its next poll. */
    void wake() {
        // Wake-ups beyond one per thread add nothing; bounding them keeps a node without dispatchers from piling up.
        if (work.availablePermits() < Math.max(1, threadCount)) {
            work.release();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (threadCount == 0) {
            LOG.info("Callback dispatch is off on this node (metastudio.callbacks.dispatchers=0): other nodes send");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "callback-retry-timer");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= threadCount; i++) {
            Thread thread = new Thread(this::runLoop, "callback-dispatcher-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** For readiness: null when every dispatcher thread this node should run is alive, otherwise what is wrong. */
    synchronized String problem() {
        if (!running) {
            return "callback dispatch has not started";
        }
        long dead = threads.stream().filter(thread -> !thread.isAlive()).count();
        return dead == 0 ? null : dead + " of " + threadCount + " callback dispatcher threads have stopped";
    }

    private void runLoop() {
        while (running) {
            try {
                if (!dispatchOne() && work.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    // One wake-up is enough to look; wake-ups that piled up while busy need no look each.
                    work.drainPermits();
                }
            } catch (InterruptedException e) {
                // stop() interrupts; the loop condition decides.
            } catch (RuntimeException e) {
                // Typically the database is unreachable: say so, wait, and try again rather than let the thread die.
                LOG.warn("Callback dispatch failed, retrying in {}: {}", pollInterval, e.toString());
                pause();
            }
        }
    }

    /** Claims and sends one due delivery; false when none was due (or other nodes took them all). */
    private boolean dispatchOne() {
        Instant now = clock.instant();
        sweepAbandoned(now);
        for (String id : outbox.dueIds(now, retries.maxAttempts(), CLAIM_BATCH)) {
            Optional<CallbackDelivery> claimed = outbox.claim(id, nodeId, now, now.plus(lease), retries.maxAttempts());
            if (claimed.isPresent()) {
                deliver(claimed.get());
                return true;
            }
        }
        return false;
    }

    private void deliver(CallbackDelivery delivery) {
        if (faulted(delivery)) {
            return;
        }
        AttemptOutcome outcome = sender.send(delivery);
        Instant now = clock.instant();
        boolean recorded;
        if (outcome.succeeded()) {
            recorded = outbox.markDelivered(delivery.id(), nodeId, outcome.status(), now);
            LOG.info("Callback {} of job {} delivered: HTTP {} (attempt {})", delivery.id(), delivery.jobId(),
                    outcome.status(), delivery.attempts());
        } else if (retries.retriesAfter(delivery.attempts())) {
            Duration wait = retries.backoffAfter(delivery.attempts());
            recorded = outbox.scheduleRetry(delivery.id(), nodeId, outcome.status(), outcome.error(), now.plus(wait), now);
            wakeAfter(wait);
            LOG.info("Callback {} of job {} attempt {} failed, retrying in {}: {}", delivery.id(), delivery.jobId(),
                    delivery.attempts(), wait, outcome.error());
        } else {
            recorded = outbox.markFailed(delivery.id(), nodeId, outcome.status(), outcome.error(), now);
            LOG.warn("Callback {} of job {} failed after {} attempts: {}", delivery.id(), delivery.jobId(),
                    delivery.attempts(), outcome.error());
        }
        if (!recorded) {
            LOG.warn("Callback {}: the claim expired before the outcome was recorded; another node has it",
                    delivery.id());
        }
    }

    /** A callback fault rule delays or drops the delivery (decided once per delivery, before its first attempt). */
    private boolean faulted(CallbackDelivery delivery) {
        if (!outbox.firstFaultCheck(delivery.id())) {
            return false;
        }
        CallbackFaults.Decision decision = faults.getIfUnique(() -> CallbackFaults.NONE)
                .beforeSend(delivery.projectId(), delivery.jobId());
        Instant now = clock.instant();
        if (decision instanceof CallbackFaults.Delay delay) {
            outbox.postpone(delivery.id(), nodeId, now.plus(delay.delay()), now);
            wakeAfter(delay.delay());
            LOG.info("Callback {} of job {} delayed by {}: {}", delivery.id(), delivery.jobId(), delay.delay(),
                    delay.reason());
            return true;
        }
        if (decision instanceof CallbackFaults.Drop drop) {
            outbox.markFailed(delivery.id(), nodeId, null, "Dropped, never sent: " + drop.reason(), now);
            LOG.info("Callback {} of job {} dropped: {}", delivery.id(), delivery.jobId(), drop.reason());
            return true;
        }
        return false;
    }

    /** At most once per poll interval per node: the update finds nothing almost always. */
    private void sweepAbandoned(Instant now) {
        if (now.isBefore(nextAbandonSweep)) {
            return;
        }
        nextAbandonSweep = now.plus(pollInterval);
        int failed = outbox.failAbandoned(now, retries.maxAttempts());
        if (failed > 0) {
            LOG.warn("{} callback(s) failed: their last attempt was cut short by a stopped node", failed);
        }
    }

    private void wakeAfter(Duration wait) {
        ScheduledExecutorService current = timer;
        try {
            if (current != null) {
                current.schedule(this::wake, wait.plus(WAKE_SLACK).toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException stopping) {
            // The node is stopping; the retry stays in the table for whichever node runs next.
        }
    }

    /** {@code pid@host-random}, within the 64 characters of {@code lease_owner}; readable when inspecting the table. */
    private static String newNodeId() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name.substring(0, Math.min(name.length(), 48)) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            // stop() interrupts; the loop condition decides.
        }
    }
}

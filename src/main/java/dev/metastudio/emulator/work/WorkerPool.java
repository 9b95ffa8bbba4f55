package dev.metastudio.emulator.work;

import dev.metastudio.emulator.config.EmulatorProperties;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's workers (role worker or both): each thread claims an item of a kind this node runs, runs it while
 * the heartbeat renews its lease (every third of the lease) and polls its signals (every signal interval, at once
 * for a signal given on this node), then ends it as its runner left it. Idle workers wake at once for work queued on
 * this node and poll for the others'.
 */
@Component
public class WorkerPool implements SmartLifecycle, RunningWork.Node {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final WorkEngine engine;
    private final WorkKinds kinds;
    private final WorkerProperties properties;
    private final EmulatorProperties emulator;
    private final String nodeId;
    private final Object idle = new Object();
    private final Object beat = new Object();
    private final Map<String, RunningWork> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "work-faults");
        t.setDaemon(true);
        return t;
    });
    private Thread heartbeat;
    private boolean kicked;
    private volatile boolean stopping;
    private volatile boolean started;

    WorkerPool(WorkEngine engine, WorkKinds kinds, WorkerProperties properties, EmulatorProperties emulator,
               LocalWakeups wakeups) {
        this.engine = engine;
        this.kinds = kinds;
        this.properties = properties;
        this.emulator = emulator;
        this.nodeId = properties.nodeId() != null && !properties.nodeId().isBlank() ? properties.nodeId() : defaultNodeId();
        wakeups.onQueued(this::wake);
        wakeups.onSignal(this::kick);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean gpu() {
        return properties.hasGpu();
    }

    @Override
    public boolean shuttingDown() {
        return stopping;
    }

    /** The kinds this node claims: those it has a runner for, narrowed by {@code metastudio.workers.kinds}. */
    List<String> claimedKinds() {
        List<String> wanted = properties.kindList();
        List<String> registered = kinds.names();
        wanted.stream().filter(k -> !registered.contains(k)).forEach(k ->
                LOG.warn("metastudio.workers.kinds names {}, which no runner on this node handles", k));
        return wanted.isEmpty() ? registered : registered.stream().filter(wanted::contains).toList();
    }

    /** Workers start once the application is ready, so the system library is seeded before the first render. */
    @EventListener(ApplicationReadyEvent.class)
    void startWorkers() {
        if (!emulator.runsWorkers() || started) {
            return;
        }
        started = true;
        List<String> claimed = claimedKinds();
        for (int i = 0; i < properties.count(); i++) {
            Thread thread = new Thread(() -> work(claimed), "job-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        heartbeat = new Thread(this::heartbeat, "job-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
        LOG.info("Node {} runs {} job worker(s) for {} with capabilities {}", nodeId, properties.count(), claimed,
                properties.capabilityList());
    }

    /** Any node may free the items of a node that died; the row locks keep two recoveries from interleaving. */
    @Scheduled(fixedDelayString = "${metastudio.workers.recovery-interval:PT2S}")
    void recover() {
        int recovered = engine.recoverExpiredLeases();
        if (recovered > 0) {
            LOG.info("Recovered {} job(s) whose worker stopped renewing its lease", recovered);
        }
        if (engine.releaseHeld() > 0) {
            wake();
        }
    }

    void wake() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    /** Polls the signals now (a stop, command, advance or fault was given on this node). */
    void kick() {
        synchronized (beat) {
            kicked = true;
            beat.notifyAll();
        }
    }

    private void work(List<String> claimed) {
        while (!stopping) {
            try {
                Optional<WorkItem> item = engine.claim(nodeId, claimed, properties.claimable());
                if (item.isPresent()) {
                    runOne(item.get());
                } else {
                    synchronized (idle) {
                        idle.wait(properties.pollInterval().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Worker loop error (will retry): {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void runOne(WorkItem item) {
        WorkKind kind = kinds.get(item.kind());
        RunningWork work = new RunningWork(item, kind, engine, this);
        kinds.faults().onClaim(item).ifPresent(fault -> work.onFirstTransition(w -> timers.schedule(
                () -> engine.fail(item.workId(), fault.code(), fault.message()),
                fault.after().toMillis(), TimeUnit.MILLISECONDS)));
        running.put(item.workId(), work);
        long begun = System.nanoTime();
        try {
            kind.runner().run(item, work);
            if (!work.finished() && !work.parked()) {
                end(work, kind.internalErrorCode(), "Undefined internal error: the job's work ended without a result");
            }
        } catch (WorkFailure failure) {
            end(work, failure.code(), failure.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Job {} ({}) failed unexpectedly", item.subjectId(), item.kind(), e);
            end(work, kind.internalErrorCode(), "Undefined internal error: " + e.getMessage());
        } finally {
            running.remove(item.workId());
        }
        String ended = work.finished() ? "by its runner" : work.parked() ? "parked" : "with " + work.stopReason();
        LOG.info("Job {} ({}) ended {} after {} ms on {}", item.subjectId(), item.kind(), ended,
                (System.nanoTime() - begun) / 1_000_000, nodeId);
    }

    /** A failure goes through the kind's failure path, unless the item is no longer this node's to end. */
    private void end(RunningWork work, String code, String message) {
        switch (work.stopReason()) {
            case SHUTDOWN -> {
                if (work.leaseHeld()) {
                    engine.release(work.item().workId(), nodeId);
                }
            }
            case LEASE_LOST -> LOG.warn("Job {} lost its lease on {}; nothing of it is recorded",
                    work.item().subjectId(), nodeId);
            default -> {
                try {
                    if (work.fail(code, message)) {
                        LOG.info("Job {} FAILED: {} {}", work.item().subjectId(), code, message);
                    }
                } catch (RuntimeException e) {
                    LOG.error("Job {} could not record its failure", work.item().subjectId(), e);
                }
            }
        }
    }

    private void heartbeat() {
        long renewEvery = Math.max(200, properties.lease().toMillis() / 3) * 1_000_000;
        long nextRenewal = System.nanoTime() + renewEvery;
        while (!stopping || !running.isEmpty()) {
            try {
                pollSignals();
                if (System.nanoTime() >= nextRenewal) {
                    renewLeases();
                    nextRenewal = System.nanoTime() + renewEvery;
                }
                synchronized (beat) {
                    if (!kicked) {
                        beat.wait(properties.signalInterval().toMillis());
                    }
                    kicked = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat failed (will retry): {}", e.toString());
            }
        }
    }

    private void pollSignals() {
        if (running.isEmpty()) {
            return;
        }
        long startedAt = System.nanoTime();
        Map<String, WorkRows.Signal> signals = new HashMap<>();
        engine.signals(nodeId).forEach(s -> signals.put(s.workId(), s));
        for (RunningWork work : running.values()) {
            WorkRows.Signal signal = signals.get(work.item().workId());
            if (signal != null) {
                work.signal(signal);
            } else if (work.registeredBefore(startedAt) && !work.finished() && !work.parked() && work.leaseHeld()) {
                LOG.warn("Job {} is no longer held by {} (taken over, cancelled, failed or deleted); stopping it",
                        work.item().subjectId(), nodeId);
                work.leaseLost();
            }
        }
    }

    private void renewLeases() {
        for (RunningWork work : running.values()) {
            try {
                if (!work.finished() && !work.parked() && !engine.renew(work.item().workId(), nodeId, work.done(), work.total())) {
                    work.leaseLost();
                }
            } catch (RuntimeException e) {
                LOG.warn("Lease renewal of job {} failed: {}", work.item().subjectId(), e.toString());
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        // Workers start on ApplicationReadyEvent; this lifecycle exists to stop them first on shutdown.
    }

    /** Running items go back to the queue so another node, or this one after a restart, picks them up at once. */
    @Override
    public void stop() {
        stopping = true;
        wake();
        running.values().forEach(RunningWork::wake);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (heartbeat != null) {
            heartbeat.interrupt();
        }
        timers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return started && !stopping;
    }

    @Override
    public int getPhase() {
        // Stop before the web server and the data source.
        return Integer.MAX_VALUE;
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
        return host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 4);
    }
}

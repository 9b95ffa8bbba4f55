package dev.metastudio.emulator.job;

import dev.metastudio.emulator.config.EmulatorProperties;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * This node's workers (role worker or both): each thread claims a job, runs it while a heartbeat renews its lease,
 * and commits the outcome. Idle workers wake at once for jobs submitted on this node and poll for the others'.
 */
@Component
public class WorkerPool implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final JobQueue queue;
    private final WorkerProperties properties;
    private final EmulatorProperties emulator;
    private final Map<JobKind, JobRunner> runners = new EnumMap<>(JobKind.class);
    private final String nodeId;
    private final Object idle = new Object();
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;
    private volatile boolean started;

    WorkerPool(JobQueue queue, WorkerProperties properties, EmulatorProperties emulator, List<JobRunner> runnerBeans) {
        this.queue = queue;
        this.properties = properties;
        this.emulator = emulator;
        runnerBeans.forEach(r -> runners.put(r.kind(), r));
        this.nodeId = properties.nodeId() != null && !properties.nodeId().isBlank() ? properties.nodeId() : defaultNodeId();
        queue.onSubmit(this::wake);
    }

    public String nodeId() {
        return nodeId;
    }

    /** Workers start once the application is ready, so the system library is seeded before the first render. */
    @EventListener(ApplicationReadyEvent.class)
    void startWorkers() {
        if (!emulator.runsWorkers() || started) {
            return;
        }
        started = true;
        for (int i = 0; i < properties.count(); i++) {
            Thread thread = new Thread(this::work, "job-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long beat = Math.max(200, properties.lease().toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::renewLeases, beat, beat, TimeUnit.MILLISECONDS);
        LOG.info("Node {} runs {} job worker(s) with capabilities {}", nodeId, properties.count(),
                properties.capabilityList());
    }

    /** Any node may free the jobs of a node that died; the row locks keep two recoveries from interleaving. */
    @Scheduled(fixedDelayString = "${metastudio.workers.recovery-interval:PT2S}")
    void recoverExpiredLeases() {
        int recovered = queue.recoverExpiredLeases();
        if (recovered > 0) {
            LOG.info("Recovered {} job(s) whose worker stopped renewing its lease", recovered);
            wake();
        }
    }

    void wake() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    private void work() {
        while (!stopping) {
            try {
                Optional<JobEntity> claimed = queue.claim(nodeId, properties.claimable());
                if (claimed.isPresent()) {
                    runOne(claimed.get());
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

    private void runOne(JobEntity job) {
        JobRunner runner = runners.get(job.getKind());
        RunningJob handle = new RunningJob(job.getJobId());
        running.put(job.getJobId(), handle);
        long started = System.nanoTime();
        JobRunner.Outcome outcome;
        try {
            outcome = runner.run(job, handle);
        } catch (JobFailure failure) {
            finishWithFailure(job, handle, failure.code(), failure.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("Job {} failed unexpectedly", job.getJobId(), e);
            finishWithFailure(job, handle, JobQueue.WORKER_LOST, "Undefined internal error: " + e.getMessage());
            return;
        }
        // The final transition happens within the lease; the heartbeat has nothing more to renew.
        running.remove(job.getJobId());
        if (handle.stopRequested()) {
            outcome.discard();
            releaseIfStopping(job, handle);
            return;
        }
        boolean recorded;
        try {
            recorded = queue.succeed(job.getJobId(), nodeId, outcome);
        } catch (RuntimeException e) {
            outcome.discard();
            LOG.error("Job {} could not record its result", job.getJobId(), e);
            queue.fail(job.getJobId(), nodeId, JobQueue.WORKER_LOST, "Undefined internal error: " + e.getMessage());
            return;
        }
        if (recorded) {
            LOG.info("Job {} ({}) SUCCEED in {} ms on {}", job.getJobId(), job.getKind(),
                    (System.nanoTime() - started) / 1_000_000, nodeId);
        } else {
            outcome.discard();
            LOG.warn("Job {} finished on {} after its lease was lost; its result is discarded", job.getJobId(), nodeId);
        }
    }

    private void finishWithFailure(JobEntity job, RunningJob handle, String code, String message) {
        running.remove(job.getJobId());
        if (handle.stopRequested()) {
            releaseIfStopping(job, handle);
            return;
        }
        queue.fail(job.getJobId(), nodeId, code, message);
        LOG.info("Job {} FAILED: {} {}", job.getJobId(), code, message);
    }

    private void releaseIfStopping(JobEntity job, RunningJob handle) {
        if (stopping && handle.leaseHeld) {
            queue.release(job.getJobId(), nodeId);
        }
    }

    private void renewLeases() {
        for (RunningJob job : running.values()) {
            try {
                if (!queue.renew(job.jobId, nodeId, job.done, job.total)) {
                    job.leaseHeld = false;
                    LOG.warn("Job {} lost its lease on {}; stopping it", job.jobId, nodeId);
                }
            } catch (RuntimeException e) {
                LOG.warn("Lease renewal of job {} failed: {}", job.jobId, e.toString());
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

    private final class RunningJob implements JobContext {
        private final String jobId;
        private volatile boolean leaseHeld = true;
        private volatile Integer done;
        private volatile Integer total;

        RunningJob(String jobId) {
            this.jobId = jobId;
        }

        @Override
        public void progress(int framesDone, int framesTotal) {
            this.done = framesDone;
            this.total = framesTotal;
        }

        @Override
        public boolean stopRequested() {
            return stopping || !leaseHeld;
        }

        @Override
        public String nodeId() {
            return nodeId;
        }

        @Override
        public boolean gpu() {
            return properties.hasGpu();
        }
    }

    @Override
    public void start() {
        // Workers start on ApplicationReadyEvent; this lifecycle exists to stop them first on shutdown.
    }

    /** Running jobs go back to WAITING so another node, or this one after a restart, picks them up at once. */
    @Override
    public void stop() {
        stopping = true;
        wake();
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeat.shutdownNow();
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

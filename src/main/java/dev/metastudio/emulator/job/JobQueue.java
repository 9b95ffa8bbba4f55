package dev.metastudio.emulator.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database is the queue. A worker claims the oldest waiting job it can run with {@code FOR UPDATE SKIP LOCKED}
 * on PostgreSQL (a compare-and-set on other databases), holds a lease it renews while working, and commits each
 * transition only while it still holds the lease. Per-tenant limits: at most 20 jobs of a kind compositing at once.
 */
@Component
public class JobQueue {
    public static final String WORKER_LOST = "MSS.45001000";
    static final String PAUSED_FLAG = "queue.paused";
    private static final String CANDIDATES = "SELECT j.job_id FROM render_job j WHERE j.state = 'WAITING'"
            + " AND j.capability IN (%s) AND (SELECT COUNT(*) FROM render_job p WHERE p.project_id = j.project_id"
            + " AND p.kind = j.kind AND p.state = 'PROCESSING') < ?"
            + " AND NOT EXISTS (SELECT 1 FROM emulator_flag f WHERE f.name = '" + PAUSED_FLAG + "' AND f.flag_value = 'true')"
            + " ORDER BY j.create_time, j.job_id";

    private final JdbcTemplate jdbc;
    private final JobRepository jobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WorkerProperties properties;
    private final List<JobListener> listeners;
    private final List<Runnable> submitted = new CopyOnWriteArrayList<>();
    private volatile Boolean postgres;

    JobQueue(JdbcTemplate jdbc, JobRepository jobs, TransactionTemplate tx, Clock clock, WorkerProperties properties,
             List<JobListener> listeners) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.listeners = listeners;
    }

    /** Inserts a WAITING job in the caller's transaction; this node's idle workers wake when it commits. */
    public void submit(JobEntity job) {
        Instant now = clock.instant();
        job.setState(JobState.WAITING);
        job.setAttempts(0);
        job.setCreateTime(now);
        job.setUpdateTime(now);
        if (job.getCapability() == null) {
            job.setCapability("cpu");
        }
        jobs.save(job);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submitted.forEach(Runnable::run);
                }
            });
        } else {
            submitted.forEach(Runnable::run);
        }
    }

    void onSubmit(Runnable wakeUp) {
        submitted.add(wakeUp);
    }

    /** The oldest waiting job this node can run, now PROCESSING under this node's lease. */
    Optional<JobEntity> claim(String nodeId, List<String> capabilities) {
        String placeholders = String.join(",", capabilities.stream().map(c -> "?").toList());
        String candidates = String.format(CANDIDATES, placeholders);
        List<Object> args = new ArrayList<>(capabilities);
        args.add(properties.maxProcessingPerTenant());
        Optional<String> claimed = isPostgres()
                ? tx.execute(status -> jdbc.queryForList(candidates + " LIMIT 1 FOR UPDATE OF j SKIP LOCKED",
                        String.class, args.toArray()).stream().findFirst().filter(id -> take(id, nodeId)))
                : jdbc.queryForList(candidates + " LIMIT 5", String.class, args.toArray()).stream()
                        .filter(id -> Boolean.TRUE.equals(tx.execute(status -> take(id, nodeId)))).findFirst();
        return claimed.flatMap(id -> tx.execute(status -> jobs.findById(id)));
    }

    /** Compare-and-set from WAITING to PROCESSING; false when another worker took it first. */
    private boolean take(String jobId, String nodeId) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE render_job SET state = 'PROCESSING', lease_owner = ?, lease_until = ?,"
                        + " attempts = attempts + 1, start_time = COALESCE(start_time, ?), update_time = ?,"
                        + " rendered_by = ? WHERE job_id = ? AND state = 'WAITING'",
                nodeId, ts(now.plus(properties.lease())), ts(now), ts(now), nodeId, jobId) == 1;
    }

    /** Extends the lease and records progress; false when the lease was lost (the job is no longer ours). */
    boolean renew(String jobId, String nodeId, Integer done, Integer total) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE render_job SET lease_until = ?, progress_done = COALESCE(?, progress_done),"
                        + " progress_total = COALESCE(?, progress_total) WHERE job_id = ? AND lease_owner = ?"
                        + " AND state = 'PROCESSING'",
                ts(now.plus(properties.lease())), done, total, jobId, nodeId) == 1;
    }

    /** SUCCEED with the runner's outcome, if this node still holds the job. */
    boolean succeed(String jobId, String nodeId, JobRunner.Outcome outcome) {
        return Boolean.TRUE.equals(tx.execute(status -> lockedIfHeld(jobId, nodeId).map(job -> {
            outcome.commit(job);
            finish(job, JobState.SUCCEED, null, null);
            return true;
        }).orElse(false)));
    }

    /** FAILED with a documented code, if this node still holds the job. */
    boolean fail(String jobId, String nodeId, String code, String message) {
        return Boolean.TRUE.equals(tx.execute(status -> lockedIfHeld(jobId, nodeId).map(job -> {
            finish(job, JobState.FAILED, code, message);
            return true;
        }).orElse(false)));
    }

    /** Gives a job back (node shutting down) without spending one of its attempts. */
    void release(String jobId, String nodeId) {
        jdbc.update("UPDATE render_job SET state = 'WAITING', lease_owner = NULL, lease_until = NULL,"
                + " attempts = attempts - 1, update_time = ? WHERE job_id = ? AND lease_owner = ? AND state = 'PROCESSING'",
                ts(clock.instant()), jobId, nodeId);
    }

    /** Paused, no node claims new jobs (running ones finish); a control-plane switch shared through the database. */
    public void setPaused(boolean paused) {
        Timestamp now = ts(clock.instant());
        tx.executeWithoutResult(status -> {
            if (jdbc.update("UPDATE emulator_flag SET flag_value = ?, update_time = ? WHERE name = ?",
                    Boolean.toString(paused), now, PAUSED_FLAG) == 0) {
                jdbc.update("INSERT INTO emulator_flag (name, flag_value, update_time) VALUES (?, ?, ?)",
                        PAUSED_FLAG, Boolean.toString(paused), now);
            }
        });
        if (!paused) {
            submitted.forEach(Runnable::run);
        }
    }

    public boolean paused() {
        return jdbc.queryForList("SELECT flag_value FROM emulator_flag WHERE name = ?", String.class, PAUSED_FLAG)
                .stream().anyMatch("true"::equals);
    }

    /** Only a WAITING job can be cancelled (reference 5.3.3); false otherwise. */
    public boolean cancel(String jobId, String projectId, JobKind kind) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE render_job SET state = 'CANCELED', end_time = ?, update_time = ? WHERE job_id = ?"
                + " AND project_id = ? AND kind = ? AND state = 'WAITING'", ts(now), ts(now), jobId, projectId,
                kind.name()) == 1;
    }

    /**
     * Jobs whose worker stopped renewing (a killed node) go back to WAITING for another node, or FAILED once they
     * have used their attempts. Returns how many were recovered.
     */
    int recoverExpiredLeases() {
        Instant now = clock.instant();
        List<String> expired = jdbc.queryForList("SELECT job_id FROM render_job WHERE state = 'PROCESSING'"
                + " AND lease_until < ?", String.class, ts(now));
        int recovered = 0;
        for (String jobId : expired) {
            Boolean done = tx.execute(status -> Optional.of(jobId).filter(this::lockRow).flatMap(jobs::findById)
                    .filter(j -> j.getState() == JobState.PROCESSING && j.getLeaseUntil() != null
                            && j.getLeaseUntil().isBefore(now))
                    .map(job -> {
                        if (job.getAttempts() >= properties.maxAttempts()) {
                            finish(job, JobState.FAILED, WORKER_LOST, "Undefined internal error: the worker"
                                    + " rendering this job stopped " + job.getAttempts() + " times (lease expired)");
                        } else {
                            job.setState(JobState.WAITING);
                            job.setLeaseOwner(null);
                            job.setLeaseUntil(null);
                            job.setUpdateTime(now);
                        }
                        return true;
                    }).orElse(false));
            recovered += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return recovered;
    }

    private Optional<JobEntity> lockedIfHeld(String jobId, String nodeId) {
        if (!lockRow(jobId)) {
            return Optional.empty();
        }
        return jobs.findById(jobId)
                .filter(job -> job.getState() == JobState.PROCESSING && nodeId.equals(job.getLeaseOwner()));
    }

    /** Row lock for the rest of the transaction, so a concurrent recovery cannot interleave. */
    private boolean lockRow(String jobId) {
        return !jdbc.queryForList("SELECT job_id FROM render_job WHERE job_id = ? FOR UPDATE", String.class, jobId)
                .isEmpty();
    }

    private void finish(JobEntity job, JobState state, String code, String message) {
        Instant now = clock.instant();
        job.setState(state);
        job.setErrorCode(code);
        job.setErrorMsg(message);
        job.setLeaseOwner(null);
        job.setLeaseUntil(null);
        job.setEndTime(now);
        job.setUpdateTime(now);
        listeners.forEach(listener -> listener.finished(job));
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equalsIgnoreCase(jdbc.execute(
                    (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}

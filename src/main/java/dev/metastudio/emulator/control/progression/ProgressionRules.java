package dev.metastudio.emulator.control.progression;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.work.Progression;
import dev.metastudio.emulator.work.ProgressionPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code progression_rule} table as the work queue's {@link ProgressionPolicy}: every node reads the same rows,
 * so a rule set on one is obeyed by all and survives a restart. The queue asks often (at submit, at each gated
 * transition, about once a second from a runner waiting in the gate), so answers are cached for a moment; a change
 * made on this node is seen here at once, on other nodes within {@link #CACHE_MILLIS}.
 */
@Component
class ProgressionRules implements ProgressionPolicy, TenantData {
    static final long CACHE_MILLIS = 500;

    record Rule(String jobKind, Progression.Mode mode, long minProcessingMs) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Progression progression, long at) {
    }

    ProgressionRules(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Progression of(String kind) {
        long now = System.nanoTime();
        Cached cached = cache.get(kind);
        if (cached != null && now - cached.at() < CACHE_MILLIS * 1_000_000) {
            return cached.progression();
        }
        Progression read = jdbc.query("SELECT job_kind, mode, min_processing_ms FROM progression_rule WHERE job_kind = ?",
                        (rs, n) -> new Progression(Progression.Mode.valueOf(rs.getString(2)),
                                Duration.ofMillis(rs.getLong(3))), kind)
                .stream().findFirst().orElse(Progression.DEFAULT);
        cache.put(kind, new Cached(read, now));
        return read;
    }

    List<Rule> all() {
        return jdbc.query("SELECT job_kind, mode, min_processing_ms FROM progression_rule ORDER BY job_kind",
                (rs, n) -> new Rule(rs.getString(1), Progression.Mode.valueOf(rs.getString(2)), rs.getLong(3)));
    }

    void put(Rule rule) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE progression_rule SET mode = ?, min_processing_ms = ?, update_time = ? WHERE job_kind = ?",
                rule.mode().name(), rule.minProcessingMs(), now, rule.jobKind()) == 0) {
            jdbc.update("INSERT INTO progression_rule (job_kind, mode, min_processing_ms, update_time) VALUES (?, ?, ?, ?)",
                    rule.jobKind(), rule.mode().name(), rule.minProcessingMs(), now);
        }
        forget();
    }

    boolean delete(String kind) {
        boolean removed = jdbc.update("DELETE FROM progression_rule WHERE job_kind = ?", kind) == 1;
        forget();
        return removed;
    }

    // ---- TenantData: progression rules are not a project's; only a full reset restores the defaults.

    @Override
    public String resource() {
        return "progression_rules";
    }

    @Override
    public long removeProject(String projectId) {
        if (projectId != null) {
            return 0;
        }
        int removed = jdbc.update("DELETE FROM progression_rule");
        forget();
        return removed;
    }

    @Override
    public int order() {
        return -200;
    }

    /** Now, and once more after the surrounding transaction commits (a read in between may have cached old rows). */
    private void forget() {
        cache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.clear();
                }
            });
        }
    }
}

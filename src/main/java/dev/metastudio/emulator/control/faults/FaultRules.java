package dev.metastudio.emulator.control.faults;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.OperationCatalog;
import dev.metastudio.emulator.work.WorkQueue;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.AntPathMatcher;

/**
 * The fault rules: validated on the way in, read by the API filter, the job-fault and the callback-fault hooks.
 * Reads go through a short cache (the API filter asks on every call); whether a rule applies is decided by the
 * database's conditional hit count, so a stale cache can never make a rule apply after it was deleted or used up.
 */
@Service
class FaultRules implements TenantData {
    /** How long this node reuses the rule list: another node's new rule is obeyed here within this time. */
    static final long CACHE_MILLIS = 500;
    static final long MAX_DELAY_MS = 600_000;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final FaultRuleRows rows;
    private final WorkQueue queue;
    private final Clock clock;
    private final AntPathMatcher paths = new AntPathMatcher();
    private volatile List<FaultRule> cached;
    private volatile long cachedAt;

    FaultRules(FaultRuleRows rows, WorkQueue queue, Clock clock) {
        this.rows = rows;
        this.queue = queue;
        this.clock = clock;
    }

    FaultRule create(FaultRuleRequest body) {
        FaultRule rule = validate(body);
        rows.insert(rule);
        invalidate();
        return rule;
    }

    List<FaultRule> list() {
        return rows.all();
    }

    void delete(String ruleId) {
        if (!rows.delete(ruleId)) {
            throw ApiException.notFound("fault rule", ruleId);
        }
        invalidate();
    }

    int deleteAll() {
        int removed = rows.deleteAll();
        invalidate();
        return removed;
    }

    /** The rules of a scope that may still apply to a call of {@code projectId}, oldest first. */
    List<FaultRule> candidates(FaultRule.Scope scope, String projectId) {
        List<FaultRule> all = cached;
        long now = System.nanoTime();
        if (all == null || now - cachedAt > CACHE_MILLIS * 1_000_000) {
            all = rows.all();
            cached = all;
            cachedAt = now;
        }
        return all.stream().filter(r -> r.scope() == scope && r.concerns(projectId)).toList();
    }

    /** Rolls the rule's probability, then counts the hit; true when the rule applies to this call. */
    boolean apply(FaultRule rule) {
        if (rule.probability() < 1 && ThreadLocalRandom.current().nextDouble() >= rule.probability()) {
            return false;
        }
        return rows.hit(rule.ruleId());
    }

    /** Whether an API rule's match covers a call (operation, method, path after {@code /v1/{project_id}}). */
    boolean matches(FaultRule rule, String method, String operation, String pathAfterProject) {
        if (rule.operation() != null && !rule.operation().equals(operation)) {
            return false;
        }
        if (rule.method() != null && !rule.method().equalsIgnoreCase(method)) {
            return false;
        }
        return rule.pathPattern() == null || paths.match(rule.pathPattern(), pathAfterProject);
    }

    private void invalidate() {
        cached = null;
    }

    // ---- TenantData: a project's reset removes the rules scoped to it; a full reset removes every rule.

    @Override
    public String resource() {
        return "fault_rules";
    }

    @Override
    public long removeProject(String projectId) {
        int removed = projectId == null ? rows.deleteAll() : rows.deleteProject(projectId);
        invalidateAfterCommit();
        return removed;
    }

    @Override
    public int order() {
        return -200;
    }

    /** Now, and again once the reset's transaction commits (a call in between may have cached the old rows). */
    private void invalidateAfterCommit() {
        invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }
            });
        }
    }

    // ---- Validation: 400 naming the field

    private FaultRule validate(FaultRuleRequest body) {
        Check.required(body, "request body");
        FaultRuleRequest.Match match = Check.required(body.match(), "match");
        Long delay = body.delayMs();
        if (delay != null && (delay < 0 || delay > MAX_DELAY_MS)) {
            throw ApiException.invalid("delay_ms", "must be between 0 and " + MAX_DELAY_MS);
        }
        double probability = body.probability() == null ? 1.0 : body.probability();
        if (probability < 0 || probability > 1 || Double.isNaN(probability)) {
            throw ApiException.invalid("probability", "must be between 0 and 1");
        }
        if (body.times() != null && body.times() < 1) {
            throw ApiException.invalid("times", "must be at least 1 (omit it for unlimited)");
        }
        String project = match.projectId();
        if (project != null && project.isBlank()) {
            throw ApiException.invalid("match.project_id", "must not be blank");
        }
        boolean callback = Boolean.TRUE.equals(match.callback());
        String id = UUID.randomUUID().toString();
        if (callback) {
            return callbackRule(id, body, match, project, delay, probability);
        }
        if (match.jobKind() != null) {
            return jobRule(id, body, match, project, probability);
        }
        return apiRule(id, body, match, project, delay, probability);
    }

    private FaultRule apiRule(String id, FaultRuleRequest body, FaultRuleRequest.Match match, String project,
                              Long delay, double probability) {
        if (body.jobFailure() != null) {
            throw ApiException.invalid("job_failure", "applies only to a rule with match.job_kind");
        }
        String operation = match.operation();
        if (operation != null && OperationCatalog.sdk().byName(operation).isEmpty()) {
            throw ApiException.invalid("match.operation", "'" + operation + "' is not an operation of the official"
                    + " SDK (see README, \"Using it in tests\", for the names)");
        }
        String method = match.method() == null ? null : match.method().trim().toUpperCase(Locale.ROOT);
        if (method != null && !METHODS.contains(method)) {
            throw ApiException.invalid("match.method", "must be one of " + METHODS.stream().sorted().toList());
        }
        String path = match.path();
        if (path != null && (!path.startsWith("/") || path.length() > 1024)) {
            throw ApiException.invalid("match.path", "must be an Ant-style pattern starting with '/' (the path after"
                    + " /v1/{project_id}, e.g. /digital-assets/**), at most 1024 characters");
        }
        if (method != null && path == null) {
            throw ApiException.invalid("match.path", "is required with match.method");
        }
        if (operation == null && path == null) {
            throw ApiException.invalid("match", "needs operation, or method and path, or job_kind, or callback: true");
        }
        FaultRuleRequest.Response response = body.response();
        if (response == null) {
            if (delay == null) {
                throw ApiException.invalid("response", "is required unless delay_ms alone adds latency");
            }
            return new FaultRule(id, FaultRule.Scope.API, project, operation, method, path, null, null, null, null,
                    null, delay, null, probability, body.times(), 0, clock.instant());
        }
        if (response.fault() != null) {
            if (response.status() != null || response.errorCode() != null || response.errorMsg() != null) {
                throw ApiException.invalid("response.fault", "excludes status, error_code and error_msg");
            }
            FaultRule.Fault fault = fault(response.fault(), "response.fault", FaultRule.Fault.CONNECTION_RESET,
                    FaultRule.Fault.EMPTY_RESPONSE);
            return new FaultRule(id, FaultRule.Scope.API, project, operation, method, path, null, null, null, null,
                    fault, delay, null, probability, body.times(), 0, clock.instant());
        }
        Integer status = Check.required(response.status(), "response.status");
        if (status < 400 || status > 599) {
            throw ApiException.invalid("response.status", "must be an error status between 400 and 599");
        }
        String code = Check.length(Check.requiredText(response.errorCode(), "response.error_code"), 1, 64,
                "response.error_code");
        String message = response.errorMsg() == null ? "Injected fault (emulator rule " + id + ")"
                : Check.length(response.errorMsg(), 0, 2048, "response.error_msg");
        return new FaultRule(id, FaultRule.Scope.API, project, operation, method, path, null, status, code, message,
                null, delay, null, probability, body.times(), 0, clock.instant());
    }

    private FaultRule jobRule(String id, FaultRuleRequest body, FaultRuleRequest.Match match, String project,
                              double probability) {
        if (match.operation() != null || match.method() != null || match.path() != null) {
            throw ApiException.invalid("match.job_kind", "cannot be combined with operation, method or path");
        }
        String kind = Check.oneOf(match.jobKind(), queue.kinds(), "match.job_kind");
        if (body.response() != null) {
            throw ApiException.invalid("response", "does not apply to a job fault: use job_failure");
        }
        if (body.delayMs() != null) {
            throw ApiException.invalid("delay_ms", "does not apply to a job fault: use job_failure.after_ms");
        }
        FaultRuleRequest.JobFailure failure = Check.required(body.jobFailure(), "job_failure");
        String code = Check.length(Check.requiredText(failure.errorCode(), "job_failure.error_code"), 1, 32,
                "job_failure.error_code");
        String message = failure.errorMsg() == null ? "Injected job failure (emulator rule " + id + ")"
                : Check.length(failure.errorMsg(), 0, 2048, "job_failure.error_msg");
        long after = failure.afterMs() == null ? 0 : failure.afterMs();
        if (after < 0 || after > 86_400_000L) {
            throw ApiException.invalid("job_failure.after_ms", "must be between 0 and 86400000");
        }
        return new FaultRule(id, FaultRule.Scope.JOB, project, null, null, null, kind, null, code, message, null,
                null, after, probability, body.times(), 0, clock.instant());
    }

    private FaultRule callbackRule(String id, FaultRuleRequest body, FaultRuleRequest.Match match, String project,
                                   Long delay, double probability) {
        if (match.operation() != null || match.method() != null || match.path() != null || match.jobKind() != null) {
            throw ApiException.invalid("match.callback", "cannot be combined with operation, method, path or job_kind");
        }
        if (body.jobFailure() != null) {
            throw ApiException.invalid("job_failure", "applies only to a rule with match.job_kind");
        }
        FaultRule.Fault fault = null;
        FaultRuleRequest.Response response = body.response();
        if (response != null) {
            if (response.status() != null || response.errorCode() != null || response.errorMsg() != null) {
                throw ApiException.invalid("response", "of a callback rule takes only fault: DROP");
            }
            fault = fault(Check.required(response.fault(), "response.fault"), "response.fault", FaultRule.Fault.DROP);
        }
        if (fault == null && delay == null) {
            throw ApiException.invalid("delay_ms", "or response.fault DROP is required for a callback rule");
        }
        return new FaultRule(id, FaultRule.Scope.CALLBACK, project, null, null, null, null, null, null, null, fault,
                delay, null, probability, body.times(), 0, clock.instant());
    }

    private static FaultRule.Fault fault(String value, String field, FaultRule.Fault... allowed) {
        for (FaultRule.Fault f : allowed) {
            if (f.name().equals(value)) {
                return f;
            }
        }
        throw ApiException.invalid(field, "must be one of " + Arrays.toString(allowed) + ", got '" + value + "'");
    }
}

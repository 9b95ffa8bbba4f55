package dev.metastudio.emulator.control.faults;

import java.time.Instant;

/**
 * One stored fault rule. {@code scope} says what it applies to: an API call (matched by SDK operation name and/or
 * method and Ant-style path after {@code /v1/{project_id}}), a job claimed by a worker (by kind), or an outgoing
 * callback. Fields that do not belong to the scope are null.
 */
record FaultRule(String ruleId, Scope scope, String projectId, String operation, String method, String pathPattern,
                 String jobKind, Integer status, String errorCode, String errorMsg, Fault fault, Long delayMs,
                 Long afterMs, double probability, Integer times, int hits, Instant createTime) {

    enum Scope { API, JOB, CALLBACK }

    /** What happens instead of an answer: the connection closes (RST or FIN), or a callback is never sent. */
    enum Fault {
        /** The connection is reset (TCP RST) without any response byte. */
        CONNECTION_RESET,
        /** The connection is closed (FIN) without any response byte. */
        EMPTY_RESPONSE,
        /** Callbacks only: the delivery is recorded as dropped and never sent. */
        DROP
    }

    /** Whether the rule still applies to calls in {@code projectId}: its own project filter, and times left. */
    boolean concerns(String callerProject) {
        return (projectId == null || projectId.equals(callerProject)) && (times == null || hits < times);
    }
}

package dev.metastudio.emulator.control.faults;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code POST /_emulator/faults}: {@code {"match": {...}, "response": {"status", "error_code", "error_msg"} or
 * {"fault": "..."}, "job_failure": {...}, "delay_ms": n, "probability": p, "times": n}}. Unknown fields are refused,
 * so a misspelt setting never silently matches everything.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record FaultRuleRequest(Match match, Response response, JobFailure jobFailure, Long delayMs, Double probability,
                        Integer times) {

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Match(String operation, String method, String path, String projectId, String jobKind, Boolean callback) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Response(Integer status, String errorCode, String errorMsg, String fault) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record JobFailure(String errorCode, String errorMsg, Long afterMs) {
    }
}

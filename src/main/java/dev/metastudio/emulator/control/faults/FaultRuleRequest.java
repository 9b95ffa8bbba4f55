package dev.metastudio.emulator.control.faults;

/**
 * {@code POST /_emulator/faults}: {@code {"match": {...}, "response": {"status", "error_code", "error_msg"} or
 * {"fault": "..."}, "job_failure": {...}, "delay_ms": n, "probability": p, "times": n}}; the controller refuses
 * unknown fields before binding.
 */
record FaultRuleRequest(Match match, Response response, JobFailure jobFailure, Long delayMs, Double probability,
                        Integer times) {

    record Match(String operation, String method, String path, String projectId, String jobKind, Boolean callback) {
    }

    record Response(Integer status, String errorCode, String errorMsg, String fault) {
    }

    record JobFailure(String errorCode, String errorMsg, Long afterMs) {
    }
}

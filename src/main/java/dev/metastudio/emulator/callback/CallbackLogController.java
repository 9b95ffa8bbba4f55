package dev.metastudio.emulator.callback;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback log of the control plane: what the emulator sent (or is still trying to send) to integrators'
 * receivers, for debugging a receiver. Read-only; under {@code /_emulator/}, which needs no authentication.
 */
@RestController
class CallbackLogController {
    /** The log is for looking at recent traffic, not for export. */
    static final int LIMIT = 100;

    private final CallbackOutbox outbox;

    CallbackLogController(CallbackOutbox outbox) {
        this.outbox = outbox;
    }

    /** {@code GET /_emulator/callbacks?project_id=&job_id=}: the newest 100 deliveries, both filters optional. */
    @GetMapping("/_emulator/callbacks")
    CallbackLogEntry.Page list(@RequestParam(name = "project_id", required = false) String projectId,
                               @RequestParam(name = "job_id", required = false) String jobId) {
        return new CallbackLogEntry.Page(outbox.recent(blankToNull(projectId), blankToNull(jobId), LIMIT).stream()
                .map(CallbackLogEntry::of).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

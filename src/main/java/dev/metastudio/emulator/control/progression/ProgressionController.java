package dev.metastudio.emulator.control.progression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metastudio.emulator.control.ControlBodies;
import dev.metastudio.emulator.control.ControlCodes;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.work.Advance;
import dev.metastudio.emulator.work.Progression;
import dev.metastudio.emulator.work.WorkQueue;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job progression: {@code /_emulator/progression/{job_kind}} sets how the jobs of a kind progress, and
 * {@code POST /_emulator/jobs/{job_id}/advance} moves a job under manual progression one documented transition on.
 */
@RestController
class ProgressionController {
    /** How long an advance waits for the job's runner to enter the granted state before answering 202. */
    static final Duration ADVANCE_WAIT = Duration.ofSeconds(15);
    static final long MAX_MIN_PROCESSING_MS = 3_600_000;

    private final ProgressionRules rules;
    private final WorkQueue queue;

    ProgressionController(ProgressionRules rules, WorkQueue queue) {
        this.rules = rules;
        this.queue = queue;
    }

    @GetMapping("/_emulator/progression")
    Map<String, Object> list() {
        return Map.of("rules", rules.all().stream().map(ProgressionController::view).toList());
    }

    @PutMapping("/_emulator/progression/{job_kind}")
    Map<String, Object> put(@PathVariable("job_kind") String jobKind,
                            @RequestBody(required = false) JsonNode json) {
        String kind = kind(jobKind);
        JsonNode body = Check.required(ControlBodies.object(json, List.of("mode", "min_processing_ms")), "request body");
        String given = ControlBodies.text(body, "mode");
        String mode = Check.requiredText(given, "mode").toUpperCase(Locale.ROOT);
        Progression.Mode parsed = Arrays.stream(Progression.Mode.values()).filter(m -> m.name().equals(mode))
                .findFirst().orElseThrow(() -> ApiException.invalid("mode", "must be realtime, immediate or manual, got '"
                        + given + "'"));
        Long givenMin = ControlBodies.integer(body, "min_processing_ms");
        long min = givenMin == null ? 0 : givenMin;
        if (min < 0 || min > MAX_MIN_PROCESSING_MS) {
            throw ApiException.invalid("min_processing_ms", "must be between 0 and " + MAX_MIN_PROCESSING_MS);
        }
        ProgressionRules.Rule rule = new ProgressionRules.Rule(kind, parsed, min);
        rules.put(rule);
        return view(rule);
    }

    /** Back to the default: realtime, no minimum. */
    @DeleteMapping("/_emulator/progression/{job_kind}")
    Map<String, Object> delete(@PathVariable("job_kind") String jobKind) {
        String kind = kind(jobKind);
        rules.delete(kind);
        return view(new ProgressionRules.Rule(kind, Progression.Mode.REALTIME, 0));
    }

    @PostMapping("/_emulator/jobs/{job_id}/advance")
    ResponseEntity<Map<String, Object>> advance(@PathVariable("job_id") String jobId) throws InterruptedException {
        Advance result = queue.advance(jobId, ADVANCE_WAIT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", jobId);
        if (result instanceof Advance.Advanced a) {
            body.put("previous_state", a.from());
            body.put("state", a.to());
            return ResponseEntity.ok(body);
        }
        if (result instanceof Advance.Pending p) {
            // Granted, but no worker has taken the job into the state yet (paused queue, no node for the kind).
            body.put("state", p.from());
            body.put("advancing_to", p.to());
            return ResponseEntity.accepted().body(body);
        }
        if (result instanceof Advance.StillWorking s) {
            throw new ApiException(409, ControlCodes.STILL_WORKING, "Still working: job " + jobId + " is " + s.state()
                    + " and its work in that state is not done yet; advance again when it is");
        }
        if (result instanceof Advance.AwaitingCommand c) {
            throw new ApiException(409, ControlCodes.CANNOT_ADVANCE, "Job " + jobId + " waits in " + c.state()
                    + " for a command of its API, not for an advance");
        }
        if (result instanceof Advance.NotManual n) {
            throw new ApiException(409, ControlCodes.CANNOT_ADVANCE, "Job " + jobId + " is " + n.state() + " and its"
                    + " kind does not progress manually (PUT /_emulator/progression/{job_kind} with mode manual)");
        }
        if (result instanceof Advance.Terminal t) {
            throw new ApiException(409, ControlCodes.CANNOT_ADVANCE, "Job " + jobId + " is in the terminal state "
                    + t.state() + ": there is nothing to advance to");
        }
        throw ApiException.notFound("job", jobId);
    }

    private String kind(String jobKind) {
        return Check.oneOf(jobKind, queue.kinds(), "job_kind");
    }

    private static Map<String, Object> view(ProgressionRules.Rule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_kind", rule.jobKind());
        view.put("mode", rule.mode().name().toLowerCase(Locale.ROOT));
        view.put("min_processing_ms", rule.minProcessingMs());
        return view;
    }
}

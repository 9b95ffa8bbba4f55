package dev.metastudio.emulator.control.reset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /_emulator/reset} with an optional {@code {"project_id": "..."}}: one project, or every project when
 * no project is named (no body, or {@code {}}). Unknown fields are refused, so a misspelt project id never resets all.
 */
@RestController
class ResetController {
    private final ResetService reset;

    ResetController(ResetService reset) {
        this.reset = reset;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record ResetRequest(String projectId) {
    }

    @PostMapping("/_emulator/reset")
    Map<String, Object> reset(@RequestBody(required = false) ResetRequest body) {
        return Map.of("removed", reset.reset(body == null ? null : body.projectId()));
    }
}

package dev.metastudio.emulator.control.reset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metastudio.emulator.control.ControlBodies;
import java.util.List;
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

    @PostMapping("/_emulator/reset")
    Map<String, Object> reset(@RequestBody(required = false) JsonNode body) {
        JsonNode request = ControlBodies.object(body, List.of("project_id"));
        return Map.of("removed", reset.reset(ControlBodies.text(request, "project_id")));
    }
}

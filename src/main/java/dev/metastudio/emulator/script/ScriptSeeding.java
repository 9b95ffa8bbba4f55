package dev.metastudio.emulator.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metastudio.emulator.edge.ApiException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seed data for video scripts, created as the API creates them from a create body (CreateVideoScriptsReq).
 * Idempotent by name: a project that already has a script of that name keeps it.
 */
@Component
public class ScriptSeeding {
    private final ScriptService scripts;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ScriptSeeding(ScriptService scripts, JdbcTemplate jdbc, ObjectMapper json) {
        this.scripts = scripts;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The new script's id, or empty when the project already has a script of that name. */
    public Optional<String> seed(String projectId, ObjectNode createBody) {
        ScriptContent body;
        try {
            body = json.treeToValue(createBody, ScriptContent.class);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("script", "is not a create body: " + e.getOriginalMessage());
        }
        if (body.scriptName() != null) {
            Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM video_script WHERE project_id = ? AND"
                    + " script_name = ?", Integer.class, projectId, body.scriptName());
            if (existing != null && existing > 0) {
                return Optional.empty();
            }
        }
        return Optional.of(scripts.create(projectId, body, "http://127.0.0.1").scriptId());
    }
}

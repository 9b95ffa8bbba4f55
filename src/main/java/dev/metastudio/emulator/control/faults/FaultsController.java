package dev.metastudio.emulator.control.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.metastudio.emulator.control.ControlBodies;
import dev.metastudio.emulator.edge.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /_emulator/faults}: add, list (with hits), remove one or all fault rules. */
@RestController
@RequestMapping("/_emulator/faults")
class FaultsController {
    private final FaultRules rules;
    private final ObjectMapper json;

    FaultsController(FaultRules rules, ObjectMapper json) {
        this.rules = rules;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody(required = false) JsonNode body) {
        return Map.of("rule_id", rules.create(read(body)).ruleId());
    }

    /** Every level checked for unknown fields first: a misspelt setting must not leave a rule matching everything. */
    private FaultRuleRequest read(JsonNode body) {
        JsonNode top = ControlBodies.object(body, List.of("match", "response", "job_failure", "delay_ms", "probability",
                "times"));
        if (top == null) {
            return null;
        }
        nested(top, "match", List.of("operation", "method", "path", "project_id", "job_kind", "callback"));
        nested(top, "response", List.of("status", "error_code", "error_msg", "fault"));
        nested(top, "job_failure", List.of("error_code", "error_msg", "after_ms"));
        try {
            return json.treeToValue(top, FaultRuleRequest.class);
        } catch (MismatchedInputException e) {
            throw ApiException.invalid(path(e), "has the wrong type ("
                    + (e.getTargetType() == null ? "see the README" : e.getTargetType().getSimpleName()) + " expected)");
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("request body", "is not a fault rule: " + e.getOriginalMessage());
        }
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "request body" : path.toString();
    }

    private static void nested(JsonNode top, String field, List<String> known) {
        JsonNode value = top.get(field);
        if (value != null && !value.isNull()) {
            if (!value.isObject()) {
                throw ApiException.invalid(field, "must be an object");
            }
            for (var names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw ApiException.invalid(field + "." + name, "is not a field of " + field + " (known: " + known + ")");
                }
            }
        }
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of("rules", rules.list().stream().map(FaultsController::view).toList());
    }

    @GetMapping("/{rule_id}")
    Map<String, Object> show(@PathVariable("rule_id") String ruleId) {
        return rules.list().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().map(FaultsController::view)
                .orElseThrow(() -> ApiException.notFound("fault rule", ruleId));
    }

    @DeleteMapping("/{rule_id}")
    Map<String, Object> delete(@PathVariable("rule_id") String ruleId) {
        rules.delete(ruleId);
        return Map.of("rule_id", ruleId);
    }

    @DeleteMapping
    Map<String, Object> deleteAll() {
        return Map.of("removed", rules.deleteAll());
    }

    /** The rule in the shape it was given, with its id and hits. */
    static Map<String, Object> view(FaultRule r) {
        Map<String, Object> match = new LinkedHashMap<>();
        putIf(match, "operation", r.operation());
        putIf(match, "method", r.method());
        putIf(match, "path", r.pathPattern());
        putIf(match, "project_id", r.projectId());
        putIf(match, "job_kind", r.jobKind());
        if (r.scope() == FaultRule.Scope.CALLBACK) {
            match.put("callback", true);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rule_id", r.ruleId());
        view.put("match", match);
        if (r.scope() == FaultRule.Scope.JOB) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("error_code", r.errorCode());
            failure.put("error_msg", r.errorMsg());
            failure.put("after_ms", r.afterMs());
            view.put("job_failure", failure);
        } else if (r.fault() != null) {
            view.put("response", Map.of("fault", r.fault().name()));
        } else if (r.status() != null) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status", r.status());
            response.put("error_code", r.errorCode());
            response.put("error_msg", r.errorMsg());
            view.put("response", response);
        }
        putIf(view, "delay_ms", r.delayMs());
        view.put("probability", r.probability());
        putIf(view, "times", r.times());
        view.put("hits", r.hits());
        view.put("create_time", dev.metastudio.emulator.edge.ApiTime.format(r.createTime()));
        return view;
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}

package dev.metastudio.emulator.live.rules;

import dev.metastudio.emulator.edge.QueryParams;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Interaction rule libraries, reference 6.1.6-6.1.9 (no GET by id in this version of the API). */
@RestController
@RequestMapping("/v1/{project_id}/smart-live-interaction-rule-groups")
class RuleGroupController {
    private final RuleGroupService groups;

    RuleGroupController(RuleGroupService groups) {
        this.groups = groups;
    }

    @PostMapping
    RuleGroupModel.Created create(@PathVariable("project_id") String projectId,
                                  @RequestBody(required = false) RuleGroupModel.RuleGroupBody body) {
        return groups.create(projectId, body);
    }

    @GetMapping
    RuleGroupModel.GroupList list(@PathVariable("project_id") String projectId,
                                  @RequestParam MultiValueMap<String, String> query) {
        return groups.list(projectId, new QueryParams(query));
    }

    @PutMapping("/{group_id}")
    RuleGroupModel.GroupDetail update(@PathVariable("project_id") String projectId,
                                      @PathVariable("group_id") String groupId,
                                      @RequestBody(required = false) RuleGroupModel.RuleGroupBody body) {
        return groups.update(projectId, groupId, body);
    }

    @DeleteMapping("/{group_id}")
    ResponseEntity<Void> delete(@PathVariable("project_id") String projectId, @PathVariable("group_id") String groupId) {
        groups.delete(projectId, groupId);
        return ResponseEntity.ok().build();
    }
}

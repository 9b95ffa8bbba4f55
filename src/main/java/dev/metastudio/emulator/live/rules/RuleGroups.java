package dev.metastudio.emulator.live.rules;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What live rooms read of the rule libraries: whether a library of the project exists, and its name. */
@Component
public class RuleGroups {
    private final RuleGroupRepository groups;

    RuleGroups(RuleGroupRepository groups) {
        this.groups = groups;
    }

    @Transactional(readOnly = true)
    public Optional<String> name(String projectId, String groupId) {
        return groups.findByProjectIdAndGroupId(projectId, groupId).map(RuleGroupEntity::getGroupName);
    }
}

package dev.metastudio.emulator.live.rules;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A reset removes the project's interaction rule libraries. */
@Component
class RuleGroupData implements TenantData {
    private final JdbcTemplate jdbc;

    RuleGroupData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resource() {
        return "live_interaction_rule_groups";
    }

    @Override
    public long removeProject(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        return jdbc.update("DELETE FROM live_rule_group WHERE " + scope.condition("project_id"), scope.argument());
    }
}

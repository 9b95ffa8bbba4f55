package dev.metastudio.emulator.live.rules;

import dev.metastudio.emulator.config.JsonColumns;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An interaction rule library: its name as a column, its rules as a JSON document. */
@Entity
@Table(name = "live_rule_group")
class RuleGroupEntity {
    @Id
    private String groupId;
    private String projectId;
    private String groupName;
    @Convert(converter = RulesColumn.class)
    private RuleGroupModel.Rules content;
    private Instant createTime;
    private Instant updateTime;

    static class RulesColumn extends JsonColumns.Converter<RuleGroupModel.Rules> {
        RulesColumn() {
            super(RuleGroupModel.Rules.class);
        }
    }

    String getGroupId() { return groupId; }
    void setGroupId(String groupId) { this.groupId = groupId; }
    String getProjectId() { return projectId; }
    void setProjectId(String projectId) { this.projectId = projectId; }
    String getGroupName() { return groupName; }
    void setGroupName(String groupName) { this.groupName = groupName; }
    RuleGroupModel.Rules getContent() { return content; }
    void setContent(RuleGroupModel.Rules content) { this.content = content; }
    Instant getCreateTime() { return createTime; }
    void setCreateTime(Instant createTime) { this.createTime = createTime; }
    Instant getUpdateTime() { return updateTime; }
    void setUpdateTime(Instant updateTime) { this.updateTime = updateTime; }
}

package dev.metastudio.emulator.live.rules;

import dev.metastudio.emulator.asset.ReviewConfig;
import java.util.List;

/** Interaction rule libraries (reference 6.1.6-6.1.9): the request body, the stored document and the answers. */
public final class RuleGroupModel {
    private RuleGroupModel() {
    }

    /** The body of create and update (InteractionRuleGroup): group_name required. */
    public record RuleGroupBody(String groupName, List<InteractionRule> interactionRules) {
    }

    /** InteractionRuleInfo (Table 6-184); rule_index is assigned by the server. */
    public record InteractionRule(String ruleIndex, String ruleName, Boolean enabled, Integer eventType,
                                  RuleModel.HitCondition hitCondition, RuleModel.TriggerProcess trigger,
                                  ReviewConfig reviewConfig) {
    }

    /** InteractionRuleDetailInfo (Table 6-207): a stored rule with its id and times. */
    public record RuleDetail(String ruleIndex, String ruleName, Boolean enabled, Integer eventType,
                             RuleModel.HitCondition hitCondition, RuleModel.TriggerProcess trigger,
                             ReviewConfig reviewConfig, String ruleId, String createTime, String updateTime) {

        RuleDetail withDefaults() {
            return new RuleDetail(ruleIndex, ruleName, enabled == null || enabled, eventType,
                    hitCondition == null ? null : hitCondition.withDefaults(),
                    trigger == null ? null : trigger.withDefaults(), reviewConfig, ruleId, createTime, updateTime);
        }
    }

    /** What a library stores. */
    public record Rules(List<RuleDetail> interactionRules) {
    }

    public record Created(String groupId) {
    }

    /** InteractionRuleGroupDetail (Table 6-209). */
    public record GroupDetail(String groupId, String groupName, List<RuleDetail> interactionRules, String createTime,
                              String updateTime) {
    }

    public record GroupList(int count, List<GroupDetail> interactionRuleGroups) {
    }
}

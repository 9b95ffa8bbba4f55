package dev.metastudio.emulator.live.rules;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.Paging;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.live.LiveQueries;
import dev.metastudio.emulator.live.rules.RuleGroupModel.InteractionRule;
import dev.metastudio.emulator.live.rules.RuleGroupModel.RuleDetail;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Interaction rule libraries, reference 6.1.6-6.1.9: names unique in a project, rules checked as a room's are. */
@Service
class RuleGroupService {
    private final RuleGroupRepository groups;
    private final RuleChecks checks;
    private final Clock clock;

    RuleGroupService(RuleGroupRepository groups, RuleChecks checks, Clock clock) {
        this.groups = groups;
        this.checks = checks;
        this.clock = clock;
    }

    @Transactional
    public RuleGroupModel.Created create(String projectId, RuleGroupModel.RuleGroupBody body) {
        Check.required(body, "request body");
        String groupId = UUID.randomUUID().toString();
        validate(projectId, body, groupId);
        Instant now = clock.instant();
        RuleGroupEntity group = new RuleGroupEntity();
        group.setGroupId(groupId);
        group.setProjectId(projectId);
        group.setGroupName(body.groupName());
        group.setContent(new RuleGroupModel.Rules(rules(body.interactionRules(), List.of(), now)));
        group.setCreateTime(now);
        group.setUpdateTime(now);
        groups.save(group);
        return new RuleGroupModel.Created(groupId);
    }

    @Transactional(readOnly = true)
    public RuleGroupModel.GroupList list(String projectId, QueryParams q) {
        Paging paging = Paging.of(q);
        String name = q.text("group_name");
        Page<RuleGroupEntity> page = groups.findAll((root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("projectId"), projectId));
            LiveQueries.createdWithin(cb, root.get("createTime"), q, where);
            if (name != null) {
                where.add(LiveQueries.contains(cb, root.get("groupName"), name));
            }
            return cb.and(where.toArray(Predicate[]::new));
        }, paging.sorted(Sort.by(Sort.Order.desc("createTime"), Sort.Order.asc("groupId"))));
        return new RuleGroupModel.GroupList((int) page.getTotalElements(),
                page.getContent().stream().map(RuleGroupService::detail).toList());
    }

    /** PUT: a full replacement; a rule sent back with its rule_index keeps its rule_id and create_time. */
    @Transactional
    public RuleGroupModel.GroupDetail update(String projectId, String groupId, RuleGroupModel.RuleGroupBody body) {
        RuleGroupEntity group = owned(projectId, groupId);
        Check.required(body, "request body");
        validate(projectId, body, groupId);
        Instant now = clock.instant();
        group.setGroupName(body.groupName());
        group.setContent(new RuleGroupModel.Rules(rules(body.interactionRules(),
                group.getContent().interactionRules(), now)));
        group.setUpdateTime(now);
        return detail(group);
    }

    @Transactional
    public void delete(String projectId, String groupId) {
        groups.delete(owned(projectId, groupId));
    }

    private RuleGroupEntity owned(String projectId, String groupId) {
        return groups.findByProjectIdAndGroupId(projectId, groupId)
                .orElseThrow(() -> new ApiException(400, RuleCodes.GROUP_NOT_FOUND, "Interaction rule library not"
                        + " found: " + groupId));
    }

    private void validate(String projectId, RuleGroupModel.RuleGroupBody body, String groupId) {
        String name = Check.requiredText(body.groupName(), "group_name");
        Check.length(name, 1, 256, "group_name");
        List<InteractionRule> rules = body.interactionRules() == null ? List.of() : body.interactionRules();
        Check.size(rules, 1000, "interaction_rules");
        for (int i = 0; i < rules.size(); i++) {
            String f = "interaction_rules[" + i + "]";
            InteractionRule rule = Check.required(rules.get(i), f);
            Check.length(rule.ruleIndex(), 0, 64, f + ".rule_index");
            checks.check(projectId, f, rule.ruleName(), rule.eventType(), rule.hitCondition(), rule.trigger());
        }
        if (groups.existsByProjectIdAndGroupNameAndGroupIdNot(projectId, name, groupId)) {
            throw new ApiException(400, RuleCodes.DUPLICATE_GROUP_NAME, "Duplicate interaction rule library name: a"
                    + " library named '" + name + "' already exists");
        }
    }

    private static List<RuleDetail> rules(List<InteractionRule> given, List<RuleDetail> before, Instant now) {
        if (given == null) {
            return null;
        }
        Map<String, RuleDetail> known = new HashMap<>();
        for (RuleDetail d : before == null ? List.<RuleDetail>of() : before) {
            known.put(d.ruleIndex(), d);
        }
        Set<String> used = new HashSet<>();
        List<RuleDetail> stored = new ArrayList<>();
        String time = ApiTime.format(now);
        for (InteractionRule r : given) {
            RuleDetail previous = r.ruleIndex() == null ? null : known.get(r.ruleIndex());
            if (previous != null && !used.add(previous.ruleIndex())) {
                previous = null;
            }
            String index = previous == null ? UUID.randomUUID().toString() : previous.ruleIndex();
            used.add(index);
            stored.add(new RuleDetail(index, r.ruleName(), r.enabled(), r.eventType(), r.hitCondition(), r.trigger(),
                    r.reviewConfig(), previous == null ? UUID.randomUUID().toString() : previous.ruleId(),
                    previous == null ? time : previous.createTime(), time));
        }
        return stored;
    }

    private static RuleGroupModel.GroupDetail detail(RuleGroupEntity g) {
        List<RuleDetail> rules = g.getContent().interactionRules();
        return new RuleGroupModel.GroupDetail(g.getGroupId(), g.getGroupName(),
                rules == null ? List.of() : rules.stream().map(RuleDetail::withDefaults).toList(),
                ApiTime.format(g.getCreateTime()), ApiTime.format(g.getUpdateTime()));
    }
}

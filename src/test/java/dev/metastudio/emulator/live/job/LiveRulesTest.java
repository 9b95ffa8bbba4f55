package dev.metastudio.emulator.live.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metastudio.emulator.config.JsonColumns;
import org.junit.jupiter.api.Test;

/** Interaction rule matching (catalogue §8) without a server: which rule an audience event fires, and when not. */
class LiveRulesTest {
    private final LiveRules rules = new LiveRules();

    private static LiveConfig config(String rulesJson) {
        ObjectNode doc = (ObjectNode) JsonColumns.read("{\"scene_scripts\":[{\"script_name\":\"opening\","
                + "\"shoot_scripts\":[{\"sequence_no\":1,\"text_config\":{\"text\":\"Hi.\"}}]}],"
                + "\"interaction_rules\":" + rulesJson + "}", JsonNode.class);
        doc.set("interaction_rules", LiveRules.indexed(doc.get("interaction_rules")));
        return LiveConfig.of(doc);
    }

    private static JsonNode comment(String text, int level) {
        return JsonColumns.read("{\"timestamp\":1,\"type\":1,\"content\":" + JsonColumns.write(JsonColumns.write(
                java.util.Map.of("user", java.util.Map.of("name", "u", "level", level), "content", text))) + "}",
                JsonNode.class);
    }

    private static String rule(String name, int priority, String relation, String tags, String trigger) {
        return "{\"rule_name\":\"" + name + "\",\"event_type\":1,\"hit_condition\":{\"relation\":\"" + relation
                + "\",\"priority\":" + priority + ",\"tags\":" + tags + "},\"trigger\":" + trigger + "}";
    }

    private static String name(LiveConfig c, LiveRules.Match m) {
        if (m == null) {
            return null;
        }
        return c.rules().stream().filter(r -> r.path("rule_index").asText().equals(m.ruleIndex())).findFirst()
                .map(r -> r.path("rule_name").asText()).orElse("?");
    }

    @Test
    void theSmallestPriorityWinsAndReservedAnswersOnlyWhenNothingElseMatches() {
        LiveConfig c = config("[" + rule("price-low", 300, "AND",
                "[{\"tag\":\"content\",\"match\":\"REGEX\",\"value\":\"price|cost\"}]",
                "{\"time_window\":0,\"reply_texts\":[\"Ten dollars.\"]}") + ","
                + rule("price-high", 10, "AND", "[{\"tag\":\"content\",\"match\":\"REGEX\",\"value\":\"price\"}]",
                "{\"time_window\":0,\"reply_texts\":[\"Cheap!\"],\"play_type\":\"APPEND\"}") + ","
                + rule("fallback", 0, "RESERVED", "[]", "{\"time_window\":0,\"reply_texts\":[\"Thanks!\"]}") + "]");
        LiveRules.State state = new LiveRules.State();
        LiveRules.Match m = rules.match(c, "opening", comment("what is the price?", 1), state, 0);
        assertThat(name(c, m)).isEqualTo("price-high");
        assertThat(m.replyText()).isEqualTo("Cheap!");
        assertThat(m.playType()).isEqualTo("APPEND");
        assertThat(name(c, rules.match(c, "opening", comment("what does it cost", 1), state, 0)))
                .isEqualTo("price-low");
        LiveRules.Match other = rules.match(c, "opening", comment("hello", 1), state, 0);
        assertThat(name(c, other)).isEqualTo("fallback");
        assertThat(other.playType()).as("trigger play_type default").isEqualTo("PLAY_NOW");
    }

    @Test
    void andOrAndNumericMatches() {
        LiveConfig c = config("[" + rule("vip-and", 1, "AND",
                "[{\"tag\":\"content\",\"match\":\"EQUAL\",\"value\":\"hi\"},"
                        + "{\"tag\":\"level\",\"match\":\"MATH_GE\",\"value\":\"5\"}]",
                "{\"time_window\":0,\"reply_texts\":[\"Welcome VIP\"]}") + ","
                + rule("either", 2, "OR", "[{\"tag\":\"content\",\"match\":\"EQUAL\",\"value\":\"yo\"},"
                + "{\"tag\":\"user.level\",\"match\":\"MATH_GT\",\"value\":\"8\"}]",
                "{\"time_window\":0,\"reply_texts\":[\"Either\"]}") + "]");
        LiveRules.State state = new LiveRules.State();
        assertThat(name(c, rules.match(c, "opening", comment("hi", 7), state, 0))).isEqualTo("vip-and");
        assertThat(name(c, rules.match(c, "opening", comment("hi", 2), state, 0))).isNull();
        assertThat(name(c, rules.match(c, "opening", comment("yo", 1), state, 0))).isEqualTo("either");
        assertThat(name(c, rules.match(c, "opening", comment("hey", 9), state, 0))).isEqualTo("either");
        assertThat(name(c, rules.match(c, "opening", comment("hey", 8), state, 0))).isNull();
    }

    @Test
    void timeWindowsCountAndScenes() {
        LiveConfig c = config("[" + rule("once", 1, "AND", "[{\"tag\":\"content\",\"match\":\"REGEX\",\"value\":\"a\"}]",
                "{\"time_window\":-1,\"reply_texts\":[\"1\",\"2\"],\"reply_order\":\"ORDER\"}") + ","
                + rule("every-10s", 2, "AND", "[{\"tag\":\"content\",\"match\":\"REGEX\",\"value\":\"b\"}]",
                "{\"time_window\":10,\"reply_texts\":[\"x\",\"y\"],\"reply_order\":\"ORDER\"}") + ","
                + rule("third", 3, "AND", "[{\"tag\":\"content\",\"operation\":\"COUNT\",\"match\":\"MATH_EQ\","
                + "\"value\":\"3\"}]", "{\"time_window\":0,\"reply_texts\":[\"third!\"]}")
                .replace("\"event_type\":1", "\"event_type\":1,\"enabled_scenes\":[\"closing\"]") + "]");
        LiveRules.State state = new LiveRules.State();
        assertThat(name(c, rules.match(c, "opening", comment("a", 1), state, 0))).isEqualTo("once");
        assertThat(name(c, rules.match(c, "opening", comment("a", 1), state, 50_000))).as("-1: once per job")
                .isNull();
        LiveRules.Match first = rules.match(c, "opening", comment("b", 1), state, 0);
        assertThat(first.replyText()).isEqualTo("x");
        assertThat(rules.match(c, "opening", comment("b", 1), state, 9_000)).as("within 10 s").isNull();
        assertThat(rules.match(c, "opening", comment("b", 1), state, 10_000).replyText()).as("ORDER in turn")
                .isEqualTo("y");
        LiveRules.State counts = new LiveRules.State();
        assertThat(rules.match(c, "opening", comment("z", 1), counts, 0)).as("not in its scene").isNull();
        assertThat(rules.match(c, "closing", comment("z", 1), counts, 0)).isNull();
        assertThat(rules.match(c, "closing", comment("z", 1), counts, 0)).isNull();
        assertThat(name(c, rules.match(c, "closing", comment("z", 1), counts, 0))).as("the third comment")
                .isEqualTo("third");
    }

    @Test
    void warningsFollowTheConfiguration() {
        LiveConfig c = config("[]");
        assertThat(LiveJobService.warnings(c)).extracting(w -> w.get("warning_type")).containsExactly(
                "TOO_LESS_SCRIPT_ITEMS", "TOO_SHORT_SCRIPT_TIME", "TOO_LESS_DANMAKU_RULES", "ROTATION_MODEL_CLOSED");
    }
}

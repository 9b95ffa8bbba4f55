package dev.metastudio.emulator.live.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.metastudio.emulator.composition.LayerConfig;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.live.rules.RuleModel.HitCondition;
import dev.metastudio.emulator.live.rules.RuleModel.HitConditionTag;
import dev.metastudio.emulator.live.rules.RuleModel.TriggerProcess;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Interaction rule checks without Spring (no rule here refers to an asset). */
class RuleChecksTest {
    private final RuleChecks checks = new RuleChecks(null);

    private static HitCondition hit(RuleModel.Relation relation, Integer priority, HitConditionTag... tags) {
        return new HitCondition(relation, priority, List.of(tags));
    }

    private static HitConditionTag tag(RuleModel.Match match, String value) {
        return new HitConditionTag("content", null, match, value);
    }

    private static TriggerProcess trigger(RuleModel.ReplyMode mode, List<String> texts) {
        return new TriggerProcess(0, mode, null, null, texts, null, null, null, null, null);
    }

    private ApiException refused(Integer eventType, HitCondition hit, TriggerProcess trigger) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> checks.check("p", "interaction_rules[3]", "my rule", eventType, hit, trigger));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("MSS.20010110");
        assertThat(e.getMessage()).startsWith("Invalid parameter in interaction rule my rule. ");
        return e;
    }

    @Test
    void aWellFormedRulePasses() {
        assertThatCode(() -> checks.check("p", "r", "ok", 1, hit(RuleModel.Relation.OR, 0,
                tag(RuleModel.Match.REGEX, "price|cost"), tag(RuleModel.Match.MATH_GE, "3.5")),
                trigger(RuleModel.ReplyMode.SYSTEM_REPLY, List.of("1", "2", "3", "4", "5"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> checks.check("p", "r", null, 10, hit(RuleModel.Relation.RESERVED, 999), null))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("Table 6-19..6-27 ranges: event_type 0-100, priority 0-999, time_window -1..7200, 5 replies")
    void ranges() {
        assertThat(refused(101, null, null).getMessage()).contains("interaction_rules[3].event_type");
        assertThat(refused(1, hit(RuleModel.Relation.AND, 1000, tag(RuleModel.Match.EQUAL, "x")), null).getMessage())
                .contains("hit_condition.priority");
        assertThat(refused(1, null, new TriggerProcess(7201, null, null, null, null, null, null, null, null, null))
                .getMessage()).contains("trigger.time_window");
        assertThat(refused(1, null, trigger(RuleModel.ReplyMode.SYSTEM_REPLY, List.of("1", "2", "3", "4", "5", "6")))
                .getMessage()).contains("trigger.reply_texts");
        assertThat(refused(1, null, trigger(null, List.of("x".repeat(1025)))).getMessage())
                .contains("trigger.reply_texts[0]");
    }

    @Test
    @DisplayName("A REGEX tag must compile; a MATH_* tag compares with a number")
    void tagValues() {
        assertThat(refused(1, hit(RuleModel.Relation.AND, null, tag(RuleModel.Match.REGEX, "(")), null).getMessage())
                .contains("hit_condition.tags[0].value");
        assertThat(refused(1, hit(RuleModel.Relation.AND, null, tag(RuleModel.Match.EQUAL, "a"),
                tag(RuleModel.Match.MATH_LT, "ten")), null).getMessage()).contains("hit_condition.tags[1].value");
        assertThat(refused(1, hit(RuleModel.Relation.AND, null), null).getMessage()).contains("hit_condition.tags");
    }

    @Test
    @DisplayName("INTELLIGENT_REPLY needs robot_id; SHOW_LAYER needs a layer; layers are checked")
    void replyModes() {
        assertThat(refused(1, null, trigger(RuleModel.ReplyMode.INTELLIGENT_REPLY, null)).getMessage())
                .contains("trigger.robot_id");
        assertThat(refused(1, null, trigger(RuleModel.ReplyMode.SHOW_LAYER, null)).getMessage())
                .contains("trigger.layer_config");
        RuleModel.SmartLayerConfig text = new RuleModel.SmartLayerConfig(RuleModel.SmartLayerType.TEXT, null,
                new LayerConfig.Position(0, 0, 1), null, null, null,
                new RuleModel.SmartTextLayer(null, "Now 99", "Comic Sans", null, null, null));
        assertThat(refused(1, null, new TriggerProcess(0, RuleModel.ReplyMode.SHOW_LAYER, text, null, null, null,
                null, null, null, null)).getMessage()).contains("trigger.layer_config.text_config.font_name");
        RuleModel.SmartLayerConfig image = new RuleModel.SmartLayerConfig(RuleModel.SmartLayerType.IMAGE, null, null,
                null, null, null, null);
        assertThat(refused(1, null, new TriggerProcess(0, RuleModel.ReplyMode.SHOW_LAYER, image, null, null, null,
                null, null, null, null)).getMessage()).contains("trigger.layer_config.image_config");
    }

    @Test
    void theDefaultsAnswered() {
        TriggerProcess t = new TriggerProcess(null, null, null, null, null, null, null, null, null, null).withDefaults();
        assertThat(t.playType()).isEqualTo(RuleModel.PlayType.PLAY_NOW);
        assertThat(t.replyRole()).isEqualTo(RuleModel.ReplyRole.STREAMER);
        assertThat(new HitCondition(null, null, null).withDefaults().priority()).isEqualTo(500);
        assertThat(new HitConditionTag("content", null, RuleModel.Match.EQUAL, "x").withDefaults().operation())
                .isEqualTo(RuleModel.Operation.NONE);
    }
}

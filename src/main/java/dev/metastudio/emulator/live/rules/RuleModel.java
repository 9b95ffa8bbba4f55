package dev.metastudio.emulator.live.rules;

import dev.metastudio.emulator.composition.LayerConfig;
import java.util.List;

/**
 * The parts of an interaction rule (reference 6.1.1 Tables 6-19..6-27, 6.1.6 Table 6-184) shared by a room's rules and
 * a rule library's: when a rule hits ({@link HitCondition}) and what it does then ({@link TriggerProcess}).
 */
public final class RuleModel {
    private RuleModel() {
    }

    /** APPEND (end of the play queue), INSERT (end of the current sentence), PLAY_NOW (at once). */
    public enum PlayType { APPEND, INSERT, PLAY_NOW }

    public enum Relation { AND, OR, RESERVED }

    public enum Operation { SUM, AVG, COUNT, NONE }

    public enum Match { EQUAL, REGEX, MATH_GT, MATH_GE, MATH_LT, MATH_LE, MATH_EQ }

    public enum ReplyMode { SYSTEM_REPLY, CALLBACK, SHOW_LAYER, INTELLIGENT_REPLY }

    public enum ReplyOrder { RANDOM, ORDER }

    public enum ReplyRole { STREAMER, CO_STREAMER }

    public enum SmartLayerType { IMAGE, VIDEO, TEXT }

    public enum TextType { DYNAMIC, STATIC }

    /** priority 0-999, default 500, smaller wins. */
    public record HitCondition(Relation relation, Integer priority, List<HitConditionTag> tags) {
        public static final int DEFAULT_PRIORITY = 500;

        public HitCondition withDefaults() {
            return new HitCondition(relation, priority == null ? DEFAULT_PRIORITY : priority, tags == null ? null
                    : tags.stream().map(HitConditionTag::withDefaults).toList());
        }
    }

    /** tag: a key of the JSON in LiveEvent.content; operation default NONE. */
    public record HitConditionTag(String tag, Operation operation, Match match, String value) {
        public HitConditionTag withDefaults() {
            return new HitConditionTag(tag, operation == null ? Operation.NONE : operation, match, value);
        }
    }

    /** time_window -1 once per live, 0 always, n at most once per n s; play_type default PLAY_NOW. */
    public record TriggerProcess(Integer timeWindow, ReplyMode replyMode, SmartLayerConfig layerConfig,
                                 SmartLayerConfig extraLayerConfig, List<String> replyTexts,
                                 List<ReplyAudioInfo> replyAudios, ReplyOrder replyOrder, ReplyRole replyRole,
                                 String robotId, PlayType playType) {
        public TriggerProcess withDefaults() {
            return new TriggerProcess(timeWindow, replyMode, layerConfig == null ? null : layerConfig.withDefaults(),
                    extraLayerConfig == null ? null : extraLayerConfig.withDefaults(), replyTexts, replyAudios,
                    replyOrder, replyRole == null ? ReplyRole.STREAMER : replyRole, robotId,
                    playType == null ? PlayType.PLAY_NOW : playType);
        }
    }

    public record ReplyAudioInfo(String audioUrl, String audioName) {
    }

    /** A layer a rule shows (SmartLayerConfig); position and size as in the scenes' layers. */
    public record SmartLayerConfig(SmartLayerType layerType, String assetId, LayerConfig.Position position,
                                   LayerConfig.Size size, SmartImageLayer imageConfig, SmartVideoLayer videoConfig,
                                   SmartTextLayer textConfig) {
        public SmartLayerConfig withDefaults() {
            return new SmartLayerConfig(layerType, assetId, position, size, imageConfig, videoConfig,
                    textConfig == null ? null : textConfig.withDefaults());
        }
    }

    public record SmartImageLayer(String imageUrl, Integer displayDuration) {
    }

    public record SmartVideoLayer(String videoUrl, String videoCoverUrl, Integer displayDuration) {
    }

    /** text_type default DYNAMIC, font HarmonyOS_Sans_SC_Black, size 16, colour #FFFFFF. */
    public record SmartTextLayer(TextType textType, String textContext, String fontName, Integer fontSize,
                                 String fontColor, Integer displayDuration) {
        public SmartTextLayer withDefaults() {
            return new SmartTextLayer(textType == null ? TextType.DYNAMIC : textType, textContext,
                    fontName == null ? "HarmonyOS_Sans_SC_Black" : fontName, fontSize == null ? 16 : fontSize,
                    fontColor == null ? "#FFFFFF" : fontColor, displayDuration);
        }
    }
}

package dev.metastudio.emulator.live.rules;

import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.composition.LayerConfig;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.live.LiveMedia;
import dev.metastudio.emulator.live.rules.RuleModel.HitCondition;
import dev.metastudio.emulator.live.rules.RuleModel.HitConditionTag;
import dev.metastudio.emulator.live.rules.RuleModel.SmartLayerConfig;
import dev.metastudio.emulator.live.rules.RuleModel.TriggerProcess;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Component;

/**
 * The documented ranges of an interaction rule (reference Tables 6-19..6-27), for a room's rules and a library's
 * alike. A bad value is 400 MSS.20010110 "Invalid parameter in interaction rule {rule}. {message}" (L16855), the
 * message naming the field; a referenced asset the project may not use keeps the asset module's code.
 */
@Component
public class RuleChecks {
    public static final int MAX_REPLIES = 5;
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private final LiveMedia media;

    RuleChecks(LiveMedia media) {
        this.media = media;
    }

    /**
     * Checks one rule; {@code field} is its JSON path (e.g. {@code interaction_rules[2]}) and {@code label} how the
     * message names it (its rule_name, or the path when unnamed).
     */
    public void check(String projectId, String field, String ruleName, Integer eventType, HitCondition hit,
                      TriggerProcess trigger) {
        String label = ruleName == null || ruleName.isBlank() ? field : ruleName;
        try {
            Check.length(ruleName, 0, 256, field + ".rule_name");
            Check.range(eventType, 0, 100, field + ".event_type");
            if (hit != null) {
                hit(hit, field + ".hit_condition");
            }
            if (trigger != null) {
                trigger(projectId, trigger, field + ".trigger");
            }
        } catch (ApiException e) {
            if (!ErrorCodes.INVALID_PARAMETER.equals(e.code())) {
                throw e;
            }
            throw new ApiException(400, RuleCodes.INVALID_RULE, "Invalid parameter in interaction rule " + label + ". "
                    + e.getMessage());
        }
    }

    private static void hit(HitCondition hit, String field) {
        Check.range(hit.priority(), 0, 999, field + ".priority");
        List<HitConditionTag> tags = hit.tags() == null ? List.of() : hit.tags();
        Check.size(tags, 100, field + ".tags");
        for (int i = 0; i < tags.size(); i++) {
            String f = field + ".tags[" + i + "]";
            HitConditionTag tag = tags.get(i);
            Check.length(tag.tag(), 0, 256, f + ".tag");
            Check.length(tag.value(), 0, 1024, f + ".value");
            if (tag.match() == null) {
                continue;
            }
            switch (tag.match()) {
                case REGEX -> {
                    try {
                        Pattern.compile(Check.required(tag.value(), f + ".value"));
                    } catch (PatternSyntaxException e) {
                        throw ApiException.invalid(f + ".value", "is not a regular expression: " + e.getDescription());
                    }
                }
                case MATH_GT, MATH_GE, MATH_LT, MATH_LE, MATH_EQ -> {
                    try {
                        new BigDecimal(Check.required(tag.value(), f + ".value").trim());
                    } catch (NumberFormatException e) {
                        throw ApiException.invalid(f + ".value", "must be a number for " + tag.match() + ", got '"
                                + tag.value() + "'");
                    }
                }
                case EQUAL -> { }
            }
        }
        if (hit.relation() != null && hit.relation() != RuleModel.Relation.RESERVED && tags.isEmpty()) {
            throw ApiException.invalid(field + ".tags", "must hold at least one tag for relation " + hit.relation());
        }
    }

    private void trigger(String projectId, TriggerProcess t, String field) {
        Check.range(t.timeWindow(), -1, 7200, field + ".time_window");
        Check.size(t.replyTexts(), MAX_REPLIES, field + ".reply_texts");
        Check.eachLength(t.replyTexts(), 0, 1024, field + ".reply_texts");
        Check.size(t.replyAudios(), MAX_REPLIES, field + ".reply_audios");
        if (t.replyAudios() != null) {
            for (int i = 0; i < t.replyAudios().size(); i++) {
                String f = field + ".reply_audios[" + i + "]";
                RuleModel.ReplyAudioInfo audio = Check.required(t.replyAudios().get(i), f);
                String url = Check.requiredText(audio.audioUrl(), f + ".audio_url");
                Check.length(url, 1, 2048, f + ".audio_url");
                media.urlOrAsset(projectId, url, f + ".audio_url", List.of(AssetType.AUDIO, AssetType.MUSIC));
                Check.length(audio.audioName(), 0, 256, f + ".audio_name");
            }
        }
        Check.length(t.robotId(), 0, 64, field + ".robot_id");
        if (t.replyMode() == RuleModel.ReplyMode.INTELLIGENT_REPLY) {
            Check.requiredText(t.robotId(), field + ".robot_id");
        }
        if (t.replyMode() == RuleModel.ReplyMode.SHOW_LAYER && t.layerConfig() == null) {
            throw ApiException.invalid(field + ".layer_config", "is required for reply_mode SHOW_LAYER");
        }
        if (t.layerConfig() != null) {
            layer(projectId, t.layerConfig(), field + ".layer_config");
        }
        if (t.extraLayerConfig() != null) {
            layer(projectId, t.extraLayerConfig(), field + ".extra_layer_config");
        }
    }

    private void layer(String projectId, SmartLayerConfig layer, String field) {
        RuleModel.SmartLayerType type = Check.required(layer.layerType(), field + ".layer_type");
        Check.length(layer.assetId(), 0, 64, field + ".asset_id");
        position(layer.position(), layer.size(), field);
        boolean byAsset = layer.assetId() != null && !layer.assetId().isEmpty();
        switch (type) {
            case IMAGE -> {
                RuleModel.SmartImageLayer image = Check.required(layer.imageConfig(), field + ".image_config");
                Check.range(image.displayDuration(), 0, 3600, field + ".image_config.display_duration");
                mediaRef(projectId, byAsset ? layer.assetId() : null, image.imageUrl(), field, "image_config.image_url",
                        List.of(AssetType.IMAGE));
            }
            case VIDEO -> {
                RuleModel.SmartVideoLayer video = Check.required(layer.videoConfig(), field + ".video_config");
                Check.range(video.displayDuration(), 0, 3600, field + ".video_config.display_duration");
                Check.length(video.videoCoverUrl(), 0, 2048, field + ".video_config.video_cover_url");
                mediaRef(projectId, byAsset ? layer.assetId() : null, video.videoUrl(), field, "video_config.video_url",
                        List.of(AssetType.VIDEO));
            }
            case TEXT -> {
                RuleModel.SmartTextLayer text = Check.required(layer.textConfig(), field + ".text_config");
                Check.length(text.textContext(), 0, 1024, field + ".text_config.text_context");
                Check.range(text.fontSize(), 0, 120, field + ".text_config.font_size");
                Check.oneOf(text.fontName(), List.of("HarmonyOS_Sans_SC_Black", "HarmonyOS_Sans_SC_Regular",
                        "HarmonyOS_Sans_SC_Thin", "fzyouh"), field + ".text_config.font_name");
                color(text.fontColor(), field + ".text_config.font_color");
                Check.range(text.displayDuration(), 0, 3600, field + ".text_config.display_duration");
            }
        }
    }

    private void mediaRef(String projectId, String assetId, String url, String field, String urlField,
                          List<AssetType> type) {
        if (assetId != null) {
            media.asset(projectId, assetId, field + ".asset_id", type);
            Check.length(url, 0, 2048, field + "." + urlField);
            return;
        }
        String given = Check.requiredText(url, field + "." + urlField);
        Check.length(given, 1, 2048, field + "." + urlField);
        media.urlOrAsset(projectId, given, field + "." + urlField, type);
    }

    /** LayerPositionConfig and LayerSizeConfig: dx, dy -1920..3840, layer_index 1..100, width/height 1..7680. */
    public static void position(LayerConfig.Position position, LayerConfig.Size size, String field) {
        if (position != null) {
            Check.range(Check.required(position.dx(), field + ".position.dx"), -1920, 3840, field + ".position.dx");
            Check.range(Check.required(position.dy(), field + ".position.dy"), -1920, 3840, field + ".position.dy");
            Check.range(Check.required(position.layerIndex(), field + ".position.layer_index"), 1, 100,
                    field + ".position.layer_index");
        }
        if (size != null) {
            Check.range(size.width(), 1, 7680, field + ".size.width");
            Check.range(size.height(), 1, 7680, field + ".size.height");
        }
    }

    public static void color(String value, String field) {
        if (value != null && !COLOR.matcher(value).matches()) {
            throw ApiException.invalid(field, "must be a colour like #FFFFFF, got '" + value + "'");
        }
    }
}

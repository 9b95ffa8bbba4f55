package dev.metastudio.emulator.live.room;

import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.composition.BackgroundConfigInfo;
import dev.metastudio.emulator.composition.LayerConfig;
import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.composition.VoiceConfig;
import dev.metastudio.emulator.composition.VoiceParameters;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.live.LiveMedia;
import dev.metastudio.emulator.live.room.LiveRoomContent.LiveScene;
import dev.metastudio.emulator.live.room.LiveRoomContent.LiveShootScriptItem;
import dev.metastudio.emulator.live.room.LiveRoomContent.RoomRule;
import dev.metastudio.emulator.live.rules.RuleChecks;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The documented rules of a live room's configuration (reference 6.1.1 Tables 6-3..6-34, 11.2, and the service
 * overview's live limits), usable by the live jobs for what a start body or a REWRITE command carries. Every refusal
 * is a 400 naming the field.
 */
@Component
public class LiveRoomRules {
    /** TextConfig (Table 6-15): at most 10,000 characters per paragraph, SSML tags excluded (MSS.20010109). */
    public static final int MAX_PARAGRAPH_CHARACTERS = 10_000;
    /** TextConfig.text as a string: 0-131072 characters. */
    public static final int MAX_TEXT_STRING = 131_072;
    /** Service overview [O:L487]: a live room holds fewer than 300,000 characters in total (MSS.20010108). */
    public static final int MAX_ROOM_CHARACTERS = 300_000;
    /** LivePlayingScriptList: 1-100 scenes. */
    public static final int MAX_SCENES = 100;
    /** Service overview: at most 3 video overlays (MSS.20010106). */
    public static final int MAX_VIDEO_LAYERS = 3;
    public static final int MAX_BACKUP_MODELS = 5;
    /** Livestreaming supports only these two resolutions (Table 6-29). */
    public static final Set<String> LIVE_SIZES = Set.of("1920x1080", "1080x1920");
    private static final Set<String> FRAME_RATES = Set.of("24", "25", "30");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern LIVE_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private final LiveMedia media;
    private final RuleChecks ruleChecks;

    LiveRoomRules(LiveMedia media, RuleChecks ruleChecks) {
        this.media = media;
        this.ruleChecks = ruleChecks;
    }

    /** The whole room body of create and update. */
    public void validate(String projectId, LiveRoomContent c) {
        Check.length(Check.requiredText(c.roomName(), "room_name"), 1, 256, "room_name");
        Check.length(c.roomDescription(), 1, 1024, "room_description");
        Check.length(c.privData(), 0, 8192, "priv_data");
        scenes(projectId, c.sceneScripts(), "scene_scripts");
        rules(projectId, c.interactionRules(), "interaction_rules");
        playPolicy(c.playPolicy(), "play_policy");
        video(c.videoConfig(), "video_config");
        output(c.outputUrls(), c.streamKeys(), "");
        backupModels(projectId, c.backupModelAssetIds());
        callback(c.liveEventCallbackConfig(), "live_event_callback_config");
        coStreamer(projectId, c.coStreamerConfig(), "co_streamer_config");
        shared(c.effectiveRoomType(), c.sharedConfig());
        if (c.relationLivePlatformInfo() != null) {
            LiveRoomContent.PlatformLiveInfo p = c.relationLivePlatformInfo();
            Check.length(Check.requiredText(p.platformId(), "relation_live_platform_info.platform_id"), 1, 64,
                    "relation_live_platform_info.platform_id");
            String liveId = Check.requiredText(p.liveId(), "relation_live_platform_info.live_id");
            Check.length(liveId, 1, 64, "relation_live_platform_info.live_id");
            if (!LIVE_ID.matcher(liveId).matches()) {
                throw ApiException.invalid("relation_live_platform_info.live_id", "may hold only letters, digits,"
                        + " '-' and '_'");
            }
        }
    }

    /** Scenes (LiveVideoScriptInfo): names, models, voices, backgrounds, layers and paragraph texts. */
    public void scenes(String projectId, List<LiveScene> scenes, String field) {
        if (scenes == null) {
            return;
        }
        Check.size(scenes, MAX_SCENES, field);
        long roomCharacters = 0;
        for (int i = 0; i < scenes.size(); i++) {
            String f = field + "[" + i + "]";
            LiveScene scene = Check.required(scenes.get(i), f);
            Check.length(Check.requiredText(scene.scriptName(), f + ".script_name"), 1, 256, f + ".script_name");
            Check.length(scene.scriptId(), 0, 64, f + ".script_id");
            Check.length(scene.scriptDescription(), 0, 1024, f + ".script_description");
            Check.length(scene.dhId(), 0, 64, f + ".dh_id");
            if (scene.modelAssetId() != null && !scene.modelAssetId().isEmpty()) {
                Check.length(scene.modelAssetId(), 0, 64, f + ".model_asset_id");
                media.asset(projectId, scene.modelAssetId(), f + ".model_asset_id", List.of(AssetType.HUMAN_MODEL_2D));
            }
            if (scene.voiceConfig() != null) {
                voice(projectId, scene.voiceConfig(), f + ".voice_config");
            }
            backgrounds(projectId, scene.backgroundConfig(), f + ".background_config");
            layers(projectId, scene.layerConfig(), f + ".layer_config", scene);
            roomCharacters += paragraphs(projectId, scene, f);
        }
        if (roomCharacters > MAX_ROOM_CHARACTERS) {
            throw new ApiException(400, LiveRoomCodes.ROOM_TEXT_TOO_LONG, "Too many text characters (" + roomCharacters
                    + " > upper limit " + MAX_ROOM_CHARACTERS + ") in the paragraphs of this live room: " + field);
        }
    }

    private long paragraphs(String projectId, LiveScene scene, String f) {
        List<LiveShootScriptItem> items = Check.required(scene.shootScripts(), f + ".shoot_scripts");
        long characters = 0;
        int over = 0;
        for (int j = 0; j < items.size(); j++) {
            String p = f + ".shoot_scripts[" + j + "]";
            LiveShootScriptItem item = Check.required(items.get(j), p);
            Check.range(item.sequenceNo(), 0, Integer.MAX_VALUE, p + ".sequence_no");
            Check.length(item.title(), 0, 256, p + ".title");
            if (item.textConfig() != null) {
                String text = Check.required(item.textConfig().text(), p + ".text_config.text");
                Check.length(text, 0, MAX_TEXT_STRING, p + ".text_config.text");
                int counted = characters(text);
                characters += counted;
                if (counted > MAX_PARAGRAPH_CHARACTERS) {
                    over++;
                }
            }
            if (item.audioConfig() != null) {
                LiveRoomContent.LiveAudioConfig audio = item.audioConfig();
                Check.length(audio.assetId(), 0, 64, p + ".audio_config.asset_id");
                Check.length(audio.audioUrl(), 0, 2048, p + ".audio_config.audio_url");
                Check.length(audio.subtitleUrl(), 0, 2048, p + ".audio_config.subtitle_url");
                if (audio.assetId() != null && !audio.assetId().isEmpty()) {
                    media.asset(projectId, audio.assetId(), p + ".audio_config.asset_id", List.of(AssetType.AUDIO,
                            AssetType.MUSIC));
                } else if (audio.audioUrl() != null && !audio.audioUrl().isEmpty()) {
                    media.urlOrAsset(projectId, audio.audioUrl(), p + ".audio_config.audio_url", List.of(AssetType.AUDIO,
                            AssetType.MUSIC));
                }
                if (audio.subtitleUrl() != null && !audio.subtitleUrl().isEmpty()
                        && !LiveMedia.external(audio.subtitleUrl())) {
                    throw new ApiException(400, ErrorCodes.INVALID_URL, "Invalid URL: " + p
                            + ".audio_config.subtitle_url must be an http(s) URL of an SRT file");
                }
            }
            if (item.relationProduct() != null) {
                Check.length(item.relationProduct().productId(), 0, 64, p + ".relation_product.product_id");
                Check.length(item.relationProduct().productTitle(), 0, 256, p + ".relation_product.product_title");
            }
        }
        if (over > 0) {
            throw new ApiException(400, LiveRoomCodes.SCRIPT_TEXT_TOO_LONG, "Too many text characters in the"
                    + " paragraphs of the script " + scene.scriptName() + " (" + over + " paragraphs > upper limit "
                    + MAX_PARAGRAPH_CHARACTERS + "): " + f + ".shoot_scripts");
        }
        return characters;
    }

    /** Characters of a paragraph's text as the limits count them: SSML tags excluded. */
    public static int characters(String text) {
        return (text.contains("<speak") ? TAG.matcher(text).replaceAll("") : text).strip().length();
    }

    /** A voice: a usable timbre (MSS.20010131 otherwise) and speed/pitch/volume in their ranges. */
    public void voice(String projectId, VoiceConfig voice, String field) {
        String id = Check.requiredText(voice.voiceAssetId(), field + ".voice_asset_id");
        Check.length(id, 1, 256, field + ".voice_asset_id");
        media.asset(projectId, id, field + ".voice_asset_id",
                (f, problem) -> new ApiException(400, ErrorCodes.TIMBRE_UNAVAILABLE,
                        "Timbre ID unavailable. Check the timbre ID: " + f + " " + problem), List.of(AssetType.VOICE_MODEL));
        VoiceParameters.check(voice.speed(), voice.pitch(), voice.volume(), field + ".");
    }

    private void backgrounds(String projectId, List<BackgroundConfigInfo> backgrounds, String field) {
        if (backgrounds == null) {
            return;
        }
        for (int i = 0; i < backgrounds.size(); i++) {
            String f = field + "[" + i + "]";
            BackgroundConfigInfo b = Check.required(backgrounds.get(i), f);
            Check.length(b.backgroundTitle(), 0, 256, f + ".background_title");
            Check.length(b.backgroundCoverUrl(), 0, 2048, f + ".background_cover_url");
            Check.length(b.backgroundAssetId(), 0, 64, f + ".background_asset_id");
            switch (Check.required(b.backgroundType(), f + ".background_type")) {
                case IMAGE -> {
                    if (b.backgroundConfig() == null || b.backgroundConfig().isBlank()) {
                        throw new ApiException(400, ErrorCodes.BACKGROUND_IMAGE_REQUIRED, "When the background is an"
                                + " image, background_config cannot be set to null: " + f + ".background_config");
                    }
                    Check.length(b.backgroundConfig(), 1, 2048, f + ".background_config");
                    media.urlOrAsset(projectId, b.backgroundConfig(), f + ".background_config", List.of(AssetType.IMAGE));
                    if (b.backgroundAssetId() != null && !b.backgroundAssetId().isEmpty()) {
                        media.asset(projectId, b.backgroundAssetId(), f + ".background_asset_id", List.of(AssetType.IMAGE));
                    }
                }
                case COLOR -> {
                    String color = b.backgroundColorConfig();
                    Check.length(color, 0, 16, f + ".background_color_config");
                    if (color != null && !color.isEmpty() && !COLOR.matcher(color).matches()) {
                        throw ApiException.invalid(f + ".background_color_config", "must be an RGB colour like"
                                + " #FFFFFF, got '" + color + "'");
                    }
                }
                default -> throw ApiException.invalid(f + ".background_type", b.backgroundType()
                        + " is not a live room background; use IMAGE or COLOR");
            }
        }
    }

    private void layers(String projectId, List<LayerConfig> layers, String field, LiveScene scene) {
        if (layers == null) {
            return;
        }
        int videos = 0;
        for (int i = 0; i < layers.size(); i++) {
            String f = field + "[" + i + "]";
            LayerConfig layer = Check.required(layers.get(i), f);
            LayerConfig.LayerType type = Check.required(layer.layerType(), f + ".layer_type");
            Check.length(layer.assetId(), 0, 64, f + ".asset_id");
            Check.length(layer.groupId(), 0, 64, f + ".group_id");
            // position is optional here (Table 6-8); when given, dx, dy and layer_index are required (Table 6-9).
            RuleChecks.position(layer.position(), layer.size(), f);
            boolean byAsset = layer.assetId() != null && !layer.assetId().isEmpty();
            switch (type) {
                case HUMAN -> {
                    if (byAsset) {
                        media.asset(projectId, layer.assetId(), f + ".asset_id", List.of(AssetType.HUMAN_MODEL_2D));
                    }
                }
                case IMAGE -> layerMedia(projectId, byAsset ? layer.assetId() : null,
                        layer.imageConfig() == null ? null : layer.imageConfig().imageUrl(), f,
                        "image_config.image_url", List.of(AssetType.IMAGE));
                case VIDEO -> {
                    videos++;
                    layerMedia(projectId, byAsset ? layer.assetId() : null,
                            layer.videoConfig() == null ? null : layer.videoConfig().videoUrl(), f,
                            "video_config.video_url", List.of(AssetType.VIDEO));
                    if (layer.videoConfig() != null) {
                        Check.length(layer.videoConfig().videoCoverUrl(), 0, 2048, f + ".video_config.video_cover_url");
                        Check.range(layer.videoConfig().loopCount(), -1, 100, f + ".video_config.loop_count");
                    }
                }
                case TEXT -> {
                    LayerConfig.TextLayer text = Check.required(layer.textConfig(), f + ".text_config");
                    String content = text.textContext();
                    Check.length(content, 0, 1024, f + ".text_config.text_context");
                    if (content != null) {
                        try {
                            Base64.getDecoder().decode(content.replaceAll("\\s", ""));
                        } catch (IllegalArgumentException e) {
                            throw ApiException.invalid(f + ".text_config.text_context", "must be Base64-encoded text");
                        }
                    }
                    Check.range(text.fontSize(), 0, 120, f + ".text_config.font_size");
                    Check.length(text.fontName(), 0, 64, f + ".text_config.font_name");
                    Check.length(text.fontColor(), 0, 16, f + ".text_config.font_color");
                    RuleChecks.color(text.fontColor(), f + ".text_config.font_color");
                }
            }
        }
        if (videos > MAX_VIDEO_LAYERS) {
            throw new ApiException(400, LiveRoomCodes.TOO_MANY_VIDEOS, "Too many video files in the script "
                    + scene.scriptName() + " (" + videos + " > upper limit " + MAX_VIDEO_LAYERS + "): " + field);
        }
    }

    private void layerMedia(String projectId, String assetId, String url, String field, String urlField,
                            List<AssetType> type) {
        Check.length(url, 0, 2048, field + "." + urlField);
        if (assetId != null) {
            media.asset(projectId, assetId, field + ".asset_id", type);
        } else {
            media.urlOrAsset(projectId, Check.requiredText(url, field + "." + urlField), field + "." + urlField, type);
        }
    }

    /** A room's (or a REWRITE_INTERACTION_RULES command's) rules; a group_id must name one of the project's libraries. */
    public void rules(String projectId, List<RoomRule> rules, String field) {
        if (rules == null) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            String f = field + "[" + i + "]";
            RoomRule rule = Check.required(rules.get(i), f);
            Check.length(rule.ruleIndex(), 0, 64, f + ".rule_index");
            Check.length(rule.groupId(), 1, 64, f + ".group_id");
            Check.length(rule.groupName(), 1, 256, f + ".group_name");
            Check.size(rule.enabledScenes(), 100, f + ".enabled_scenes");
            Check.eachLength(rule.enabledScenes(), 1, 256, f + ".enabled_scenes");
            ruleChecks.check(projectId, f, rule.ruleName(), rule.eventType(), rule.hitCondition(), rule.trigger());
        }
    }

    /** PlayPolicy ranges: repeat_count -1..100. */
    public void playPolicy(LiveRoomContent.PlayPolicy policy, String field) {
        if (policy == null) {
            return;
        }
        Check.range(policy.repeatCount(), -1, 100, field + ".repeat_count");
        if (policy.liveExitConfig() != null) {
            Check.range(policy.liveExitConfig().maxLiveDuration(), 0, Integer.MAX_VALUE,
                    field + ".live_exit_config.max_live_duration");
            Check.range(policy.liveExitConfig().maxExceptionWaitingDuration(), 0, Integer.MAX_VALUE,
                    field + ".live_exit_config.max_exception_waiting_duration");
        }
    }

    /** Live output: H264 only (VP8 is for video production), 1920x1080 or 1080x1920, bitrate 40-30000 kbit/s. */
    public void video(VideoConfig v, String field) {
        if (v == null) {
            return;
        }
        VideoConfig.Codec codec = Check.required(v.codec(), field + ".codec");
        if (codec != VideoConfig.Codec.H264) {
            throw ApiException.invalid(field + ".codec", codec + " is not available for livestreaming; use H264");
        }
        Check.range(Check.required(v.bitrate(), field + ".bitrate"), 40, 30000, field + ".bitrate");
        int width = Check.range(Check.required(v.width(), field + ".width"), 0, 3840, field + ".width");
        int height = Check.range(Check.required(v.height(), field + ".height"), 0, 3840, field + ".height");
        String size = width + "x" + height;
        if (!LIVE_SIZES.contains(size)) {
            throw ApiException.invalid(field + ".width", "and height " + size + " are not a live resolution;"
                    + " livestreaming supports only 1920x1080 and 1080x1920");
        }
        Check.range(v.dx(), -1920, 3840, field + ".dx");
        Check.range(v.dy(), -1920, 3840, field + ".dy");
        Check.oneOf(v.frameRate(), FRAME_RATES, field + ".frame_rate");
        if (v.subtitleConfig() != null) {
            VideoConfig.SubtitleConfig s = v.subtitleConfig();
            Check.range(s.dx(), 0, 1920, field + ".subtitle_config.dx");
            Check.range(s.dy(), 0, 1920, field + ".subtitle_config.dy");
            Check.range(s.fontSize(), 0, 120, field + ".subtitle_config.font_size");
            Check.length(s.fontName(), 0, 64, field + ".subtitle_config.font_name");
        }
    }

    /** view_mode from the resolution: wider than high is LANDSCAPE; no video_config keeps the given or VERTICAL. */
    public static LiveRoomContent.ViewMode viewMode(VideoConfig v, LiveRoomContent.ViewMode given) {
        if (v != null && v.width() != null && v.height() != null) {
            return v.width() > v.height() ? LiveRoomContent.ViewMode.LANDSCAPE : LiveRoomContent.ViewMode.VERTICAL;
        }
        return given == null ? LiveRoomContent.ViewMode.VERTICAL : given;
    }

    /** output_urls and stream_keys: one RTMP address at most (Table 6-3), 0-2048 characters. */
    public void output(List<String> urls, List<String> keys, String prefix) {
        Check.size(urls, 1, prefix + "output_urls");
        Check.size(keys, 1, prefix + "stream_keys");
        Check.eachLength(urls, 1, 2048, prefix + "output_urls");
        Check.eachLength(keys, 0, 2048, prefix + "stream_keys");
        if (urls != null) {
            for (int i = 0; i < urls.size(); i++) {
                if (!LiveMedia.hasScheme(urls.get(i), "rtmp", "rtmps")) {
                    throw ApiException.invalid(prefix + "output_urls[" + i + "]", "must be an rtmp:// or rtmps://"
                            + " URL, got '" + urls.get(i) + "'");
                }
            }
        }
    }

    private void backupModels(String projectId, List<String> ids) {
        Check.size(ids, MAX_BACKUP_MODELS, "backup_model_asset_ids");
        Check.eachLength(ids, 0, 64, "backup_model_asset_ids");
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                if (!ids.get(i).isEmpty()) {
                    media.asset(projectId, ids.get(i), "backup_model_asset_ids[" + i + "]", List.of(AssetType.HUMAN_MODEL_2D));
                }
            }
        }
    }

    /** LiveEventCallBackConfig: an http(s) URL (0-2048) and a key of 0-32 characters. */
    public void callback(LiveRoomContent.LiveEventCallbackConfig c, String field) {
        if (c == null) {
            return;
        }
        String url = c.liveEventTypeCallbackUrl();
        Check.length(url, 0, 2048, field + ".live_event_type_callback_url");
        if (url != null && !url.isEmpty() && !LiveMedia.external(url)) {
            throw new ApiException(400, ErrorCodes.INVALID_URL, "Invalid URL: " + field
                    + ".live_event_type_callback_url must be an http(s) URL, got '" + url + "'");
        }
        Check.length(c.key(), 0, 32, field + ".key");
        if (c.authType() != null && c.authType() != LiveRoomContent.AuthType.NONE
                && (c.key() == null || c.key().isEmpty())) {
            throw ApiException.invalid(field + ".key", "is required for auth_type " + c.authType());
        }
    }

    private void coStreamer(String projectId, LiveRoomContent.CoStreamerConfig c, String field) {
        if (c != null && c.voiceConfig() != null) {
            voice(projectId, c.voiceConfig(), field + ".voice_config");
        }
    }

    private static void shared(LiveRoomContent.RoomType type, LiveRoomContent.SharedConfig s) {
        if (s == null) {
            return;
        }
        if (type != LiveRoomContent.RoomType.TEMPLATE) {
            throw ApiException.invalid("shared_config", "applies only to rooms of room_type TEMPLATE");
        }
        if (s.sharedType() == LiveRoomContent.SharedType.PUBLIC) {
            throw ApiException.invalid("shared_config.shared_type", "PUBLIC is reserved for system templates");
        }
        Check.length(s.expireTime(), 0, 20, "shared_config.expire_time");
        if (s.expireTime() != null && !s.expireTime().isEmpty()) {
            ApiTime.parse(s.expireTime(), "shared_config.expire_time");
        }
        Check.size(s.allowedProjectIds(), 100, "shared_config.allowed_project_ids");
        Check.eachLength(s.allowedProjectIds(), 1, 64, "shared_config.allowed_project_ids");
    }

    /**
     * The configuration as stored: each scene keeps the script_id it had in {@code previous} (matched by the id the
     * caller sent back, else by name) or gets a new one; each rule likewise keeps its rule_index or gets one. A rule
     * imported from a library takes the library's name when it gives none ({@code groupNames}). view_mode derived.
     */
    public static LiveRoomContent assignIds(LiveRoomContent c, LiveRoomContent previous,
                                            Function<String, String> groupNames) {
        List<LiveScene> scenes = scenesWithIds(c.sceneScripts(), previous == null ? null : previous.sceneScripts());
        List<RoomRule> rules = rulesWithIds(c.interactionRules(), previous == null ? null
                : previous.interactionRules(), groupNames);
        return c.with(scenes, rules, viewMode(c.videoConfig(), c.viewMode()));
    }

    /** Scenes with their script_id: kept from {@code previous} (by the id sent back, else by name) or new. */
    public static List<LiveScene> scenesWithIds(List<LiveScene> given, List<LiveScene> previous) {
        if (given == null) {
            return null;
        }
        List<LiveScene> before = previous == null ? List.of() : previous;
        Set<String> known = before.stream().map(LiveScene::scriptId).collect(Collectors.toSet());
        Map<String, String> byName = before.stream().filter(s -> s.scriptName() != null)
                .collect(Collectors.toMap(LiveScene::scriptName, LiveScene::scriptId, (a, b) -> a));
        List<LiveScene> scenes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (LiveScene s : given) {
            String id = s.scriptId() != null && known.contains(s.scriptId()) ? s.scriptId() : byName.get(s.scriptName());
            if (id == null || !used.add(id)) {
                id = UUID.randomUUID().toString();
                used.add(id);
            }
            scenes.add(s.withId(id));
        }
        return scenes;
    }

    /** Rules with their rule_index: kept from {@code previous} when sent back, new otherwise (one per rule). */
    public static List<RoomRule> rulesWithIds(List<RoomRule> given, List<RoomRule> previous,
                                              Function<String, String> groupNames) {
        if (given == null) {
            return null;
        }
        Set<String> known = previous == null ? Set.of()
                : previous.stream().map(RoomRule::ruleIndex).collect(Collectors.toSet());
        List<RoomRule> rules = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (RoomRule r : given) {
            String index = r.ruleIndex() != null && known.contains(r.ruleIndex()) && used.add(r.ruleIndex())
                    ? r.ruleIndex() : UUID.randomUUID().toString();
            used.add(index);
            String group = r.groupName() == null && r.groupId() != null ? groupNames.apply(r.groupId())
                    : r.groupName();
            rules.add(r.withIndex(index, group));
        }
        return rules;
    }
}

package dev.metastudio.emulator.composition;

import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetReferences;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The documented rules of video scripts and jobs (reference 5.1/5.3 and the service overview's video production
 * limits): at most 100 scenes, one avatar model and one voice, text limits per scene and in total, SSML size,
 * unique sequence numbers, layer index range, and references to usable assets of the right type. Every refusal
 * is a 400 that names the field.
 */
@Component
public class CompositionRules {
    public static final int MAX_SCENES = 100;
    public static final int MAX_SCENE_CHARACTERS = 10_000;
    public static final int MAX_TOTAL_CHARACTERS = 100_000;
    public static final int MAX_TEXT_STRING = 131_072;
    public static final int MAX_SSML_BYTES = 128 * 1024;
    public static final int MAX_VIDEO_LAYERS = 2;
    static final String TOO_MANY_VIDEOS = "MSS.20010106";
    private static final Set<String> RESIZE_SIZES = Set.of("1920x1080", "1080x1920", "1280x720", "720x1280",
            "3840x2160", "2160x3840");
    private static final Set<String> FRAME_RATES = Set.of("24", "25", "30");
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final AssetReferences references;

    CompositionRules(AssetReferences references) {
        this.references = references;
    }

    /** A saved script is a draft: its model, voice and output may come later. A job needs them all. */
    public enum Mode { SCRIPT, JOB }

    /**
     * Checks the whole composition. {@code audioReady} tells, for the scene at an index, whether audio was already
     * uploaded for it (script audio files); a job's AUDIO scene needs one or an audio URL.
     */
    public void validate(String projectId, Composition c, Mode mode, java.util.function.IntPredicate audioReady) {
        validate(projectId, c, mode, audioReady, AssetType.HUMAN_MODEL_2D);
    }

    /**
     * As {@link #validate(String, Composition, Mode, java.util.function.IntPredicate)}, the model expected to be of
     * {@code modelType}: HUMAN_MODEL for a script whose model_asset_type is HUMAN_MODEL_3D (L3761).
     */
    public void validate(String projectId, Composition c, Mode mode, java.util.function.IntPredicate audioReady,
                         AssetType modelType) {
        boolean forJob = mode == Mode.JOB;
        AssetEntity model = null;
        if (forJob && (c.modelAssetId() == null || c.modelAssetId().isBlank())) {
            throw new ApiException(400, ErrorCodes.MODEL_ID_REQUIRED, "The model ID cannot be empty: model_asset_id"
                    + " is required");
        }
        if (forJob || (c.modelAssetId() != null && !c.modelAssetId().isEmpty())) {
            String modelId = Check.requiredText(c.modelAssetId(), "model_asset_id");
            Check.length(modelId, 0, 64, "model_asset_id");
            model = references.usable(projectId, modelId, "model_asset_id", modelType);
        }
        if (forJob || c.videoConfig() != null) {
            video(Check.required(c.videoConfig(), "video_config"), model);
        }
        if (forJob && (c.shootScripts() == null || c.shootScripts().isEmpty())) {
            throw new ApiException(400, ErrorCodes.SHOOT_SCRIPTS_REQUIRED, "The virtual avatar task must contain"
                    + " shoot_scripts: at least one scene is required");
        }
        List<ShootScriptItem> scenes = Check.required(c.shootScripts(), "shoot_scripts");
        if (scenes.isEmpty()) {
            throw ApiException.invalid("shoot_scripts", "must hold at least one scene");
        }
        Check.size(scenes, MAX_SCENES, "shoot_scripts");
        Set<Integer> sequenceNumbers = new HashSet<>();
        int totalCharacters = 0;
        boolean anyText = false;
        for (int i = 0; i < scenes.size(); i++) {
            String field = "shoot_scripts[" + i + "]";
            ShootScriptItem item = Check.required(scenes.get(i), field);
            Integer sequenceNo = Check.required(item.sequenceNo(), field + ".sequence_no");
            Check.range(sequenceNo, 0, Integer.MAX_VALUE, field + ".sequence_no");
            if (!sequenceNumbers.add(sequenceNo)) {
                throw ApiException.invalid(field + ".sequence_no", "must be unique, " + sequenceNo + " is used twice");
            }
            ShootScript script = Check.required(item.shootScript(), field + ".shoot_script");
            String prefix = field + ".shoot_script";
            if (script.effectiveType() == ShootScript.ScriptType.TEXT) {
                anyText = true;
                totalCharacters += text(script, prefix);
            } else if (forJob && !audioReady.test(i)) {
                if (script.audioDriveFileExternalUrl() == null) {
                    throw ApiException.invalid(prefix, "an AUDIO scene needs its audio: upload it to the script's"
                            + " audio_file_upload_url or give audio_drive_file_external_url");
                }
                references.byUrlOrId(projectId, script.audioDriveFileExternalUrl(),
                        prefix + ".audio_drive_file_external_url", AssetType.AUDIO, AssetType.MUSIC);
            }
            backgrounds(projectId, script.backgroundConfig(), prefix + ".background_config");
            layers(projectId, script.layerConfig(), prefix + ".layer_config", c.modelAssetId());
        }
        if (totalCharacters > MAX_TOTAL_CHARACTERS) {
            throw new ApiException(400, ErrorCodes.SCRIPT_TEXT_TOO_LONG, "Too many characters in the script:"
                    + " shoot_scripts text totals " + totalCharacters + " characters; at most " + MAX_TOTAL_CHARACTERS
                    + " are allowed across scenes");
        }
        if ((forJob && anyText) || c.voiceConfig() != null) {
            voice(projectId, Check.required(c.voiceConfig(), "voice_config"));
        }
        music(projectId, c.backgroundMusicConfig());
    }

    private void video(VideoConfig v, AssetEntity model) {
        Check.required(v.codec(), "video_config.codec");
        if (v.codec() != VideoConfig.Codec.H264 && v.codec() != VideoConfig.Codec.VP8) {
            throw ApiException.invalid("video_config.codec", v.codec() + " is not available for virtual avatar video"
                    + " production; use H264 (MP4) or VP8 (WebM)");
        }
        Check.range(Check.required(v.bitrate(), "video_config.bitrate"), 40, 30000, "video_config.bitrate");
        int width = Check.range(Check.required(v.width(), "video_config.width"), 1, 3840, "video_config.width");
        int height = Check.range(Check.required(v.height(), "video_config.height"), 1, 3840, "video_config.height");
        if (v.effectiveClipMode() == VideoConfig.ClipMode.RESIZE) {
            String size = width + "x" + height;
            if (!RESIZE_SIZES.contains(size)) {
                throw ApiException.invalid("video_config.width", "and height " + size + " are not a RESIZE resolution;"
                        + " use one of " + RESIZE_SIZES.stream().sorted().toList());
            }
            boolean fourK = width == 3840 || height == 3840;
            String resolution = model == null || model.getExtraMeta() == null
                    || model.getExtraMeta().humanModel2dMeta() == null
                    ? null : model.getExtraMeta().humanModel2dMeta().modelResolution();
            if (fourK && model != null && !"4K".equals(resolution)) {
                throw ApiException.invalid("video_config.width", "4K output needs a model whose model_resolution is"
                        + " 4K; model " + model.getAssetId() + " is " + (resolution == null ? "1080P" : resolution));
            }
        }
        Check.range(v.dx(), -1920, 3840, "video_config.dx");
        Check.range(v.dy(), -1920, 3840, "video_config.dy");
        Check.oneOf(v.frameRate(), FRAME_RATES, "video_config.frame_rate");
        VideoConfig.SubtitleConfig s = v.subtitleConfig();
        if (s != null) {
            Check.range(s.dx(), 0, 1920, "video_config.subtitle_config.dx");
            Check.range(s.dy(), 0, 1920, "video_config.subtitle_config.dy");
            Check.range(s.fontSize(), 0, 120, "video_config.subtitle_config.font_size");
            Check.length(s.fontName(), 0, 64, "video_config.subtitle_config.font_name");
            color(s.fontColor(), "video_config.subtitle_config.font_color");
        }
    }

    private void voice(String projectId, VoiceConfig voice) {
        String id = Check.requiredText(voice.voiceAssetId(), "voice_config.voice_asset_id");
        Check.length(id, 1, 256, "voice_config.voice_asset_id");
        references.usable(projectId, id, "voice_config.voice_asset_id",
                (field, problem) -> new ApiException(400, ErrorCodes.TIMBRE_UNAVAILABLE,
                        "Timbre ID unavailable. Check the timbre ID: " + field + " " + problem), AssetType.VOICE_MODEL);
        VoiceParameters.check(voice.speed(), voice.pitch(), voice.volume(), "voice_config.");
    }

    private void music(String projectId, BackgroundMusicConfig music) {
        if (music == null) {
            return;
        }
        Check.range(music.volume(), 0, 100, "background_music_config.volume");
        if (music.musicAssetId() != null && !music.musicAssetId().isEmpty()) {
            Check.length(music.musicAssetId(), 0, 64, "background_music_config.music_asset_id");
            references.usable(projectId, music.musicAssetId(), "background_music_config.music_asset_id",
                    AssetType.MUSIC, AssetType.AUDIO);
        }
    }

    /** Returns the characters of the scene's text without SSML tags, after checking its documented limits. */
    private static int text(ShootScript script, String prefix) {
        String text = Check.requiredText(script.textConfig() == null ? null : script.textConfig().text(),
                prefix + ".text_config.text");
        Check.length(text, 1, MAX_TEXT_STRING, prefix + ".text_config.text");
        boolean ssml = text.contains("<speak");
        if (ssml && text.getBytes(StandardCharsets.UTF_8).length >= MAX_SSML_BYTES) {
            throw ApiException.invalid(prefix + ".text_config.text", "SSML must be smaller than 128 KB");
        }
        int characters = (ssml ? TAG.matcher(text).replaceAll("") : text).strip().length();
        if (characters > MAX_SCENE_CHARACTERS) {
            throw new ApiException(400, ErrorCodes.SCENE_TEXT_TOO_LONG, "Too many text characters in the paragraphs"
                    + " of the script: " + prefix + ".text_config.text has " + characters + " characters; a scene holds"
                    + " at most " + MAX_SCENE_CHARACTERS + " (SSML tags excluded)");
        }
        return characters;
    }

    private void backgrounds(String projectId, List<BackgroundConfigInfo> backgrounds, String field) {
        if (backgrounds == null) {
            return;
        }
        for (int i = 0; i < backgrounds.size(); i++) {
            String f = field + "[" + i + "]";
            BackgroundConfigInfo b = Check.required(backgrounds.get(i), f);
            switch (Check.required(b.backgroundType(), f + ".background_type")) {
                case IMAGE -> {
                    if (b.backgroundAssetId() != null && !b.backgroundAssetId().isEmpty()) {
                        references.usable(projectId, b.backgroundAssetId(), f + ".background_asset_id", AssetType.IMAGE);
                    } else {
                        if (b.backgroundConfig() == null || b.backgroundConfig().isBlank()) {
                            throw new ApiException(400, ErrorCodes.BACKGROUND_IMAGE_REQUIRED, "When the background is"
                                    + " an image, background_config cannot be set to null: " + f
                                    + ".background_config (or background_asset_id) is required");
                        }
                        String url = b.backgroundConfig();
                        Check.length(url, 1, 2048, f + ".background_config");
                        references.byUrlOrId(projectId, url, f + ".background_config", AssetType.IMAGE);
                    }
                }
                case COLOR -> color(Check.requiredText(b.backgroundColorConfig(), f + ".background_color_config"),
                        f + ".background_color_config");
                default -> throw ApiException.invalid(f + ".background_type", b.backgroundType()
                        + " is not a background of virtual avatar videos; use IMAGE or COLOR");
            }
        }
    }

    private void layers(String projectId, List<LayerConfig> layers, String field, String modelAssetId) {
        if (layers == null) {
            return;
        }
        int videos = 0;
        for (int i = 0; i < layers.size(); i++) {
            String f = field + "[" + i + "]";
            LayerConfig layer = Check.required(layers.get(i), f);
            LayerConfig.LayerType type = Check.required(layer.layerType(), f + ".layer_type");
            LayerConfig.Position position = Check.required(layer.position(), f + ".position");
            Check.range(Check.required(position.dx(), f + ".position.dx"), -1920, 3840, f + ".position.dx");
            Check.range(Check.required(position.dy(), f + ".position.dy"), -1920, 3840, f + ".position.dy");
            Check.range(Check.required(position.layerIndex(), f + ".position.layer_index"), 1, 100,
                    f + ".position.layer_index");
            if (layer.size() != null) {
                Check.range(layer.size().width(), 1, 7680, f + ".size.width");
                Check.range(layer.size().height(), 1, 7680, f + ".size.height");
            }
            switch (type) {
                case HUMAN -> {
                    if (layer.assetId() != null && !layer.assetId().isEmpty() && !layer.assetId().equals(modelAssetId)) {
                        throw ApiException.invalid(f + ".asset_id", "a video has one avatar model, "
                                + modelAssetId + "; this HUMAN layer names " + layer.assetId());
                    }
                }
                case IMAGE -> media(projectId, layer.assetId(), layer.imageConfig() == null ? null
                        : layer.imageConfig().imageUrl(), f, "image_config.image_url", AssetType.IMAGE);
                case VIDEO -> {
                    videos++;
                    media(projectId, layer.assetId(), layer.videoConfig() == null ? null
                            : layer.videoConfig().videoUrl(), f, "video_config.video_url", AssetType.VIDEO);
                    if (layer.videoConfig() != null) {
                        Check.range(layer.videoConfig().loopCount(), -1, 100, f + ".video_config.loop_count");
                    }
                }
                case TEXT -> textLayer(Check.required(layer.textConfig(), f + ".text_config"), f + ".text_config");
            }
        }
        if (videos > MAX_VIDEO_LAYERS) {
            throw new ApiException(400, TOO_MANY_VIDEOS, "Too many video files in the script (" + videos + " > upper"
                    + " limit " + MAX_VIDEO_LAYERS + "): " + field);
        }
    }

    private void media(String projectId, String assetId, String url, String field, String urlField, AssetType type) {
        if (assetId != null && !assetId.isEmpty()) {
            references.usable(projectId, assetId, field + ".asset_id", type);
        } else {
            String given = Check.requiredText(url, field + "." + urlField);
            references.byUrlOrId(projectId, given, field + "." + urlField, type);
        }
    }

    private static void textLayer(LayerConfig.TextLayer text, String field) {
        String content = Check.requiredText(text.textContext(), field + ".text_context");
        Check.length(content, 0, 1024, field + ".text_context");
        try {
            Base64.getMimeDecoder().decode(content.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field + ".text_context", "must be Base64-encoded text");
        }
        Check.range(text.fontSize(), 0, 120, field + ".font_size");
        Check.length(text.fontName(), 0, 64, field + ".font_name");
        color(text.fontColor(), field + ".font_color");
    }

    private static void color(String value, String field) {
        if (value != null && !COLOR.matcher(value).matches()) {
            throw ApiException.invalid(field, "must be a colour like #FFFFFF, got '" + value + "'");
        }
    }
}

package dev.metastudio.emulator.composition;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * ShootScript (reference Table 5-10): what one scene says (TEXT through TTS, or AUDIO) and what it shows.
 * The reference's own examples send background_config as an object where an array is documented; both are read.
 */
public record ShootScript(
        ScriptType scriptType,
        TextConfig textConfig,
        Float audioDuration,
        List<AudioDriveAction> audioDriveActionConfig,
        String audioDriveFileExternalUrl,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<BackgroundConfigInfo> backgroundConfig,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<LayerConfig> layerConfig,
        AudioConfig audioConfig,
        List<AnimationConfig> animationConfig,
        List<EmotionConfig> emotionConfig,
        String thumbnailUrl) {

    public enum ScriptType { TEXT, AUDIO }

    /** As answered: script_type "Default value: TEXT" (L4365). */
    public ShootScript withDefaults() {
        return new ShootScript(effectiveType(), textConfig, audioDuration, audioDriveActionConfig,
                audioDriveFileExternalUrl, backgroundConfig, layerConfig, audioConfig, animationConfig, emotionConfig,
                thumbnailUrl);
    }

    public ScriptType effectiveType() {
        return scriptType == null ? ScriptType.TEXT : scriptType;
    }

    public record TextConfig(String text) {
    }

    public record AudioDriveAction(String actionTag, String actionName, Float actionStartTime) {
    }

    public record AudioConfig(Integer audioId) {
    }

    /** Job API only; "not effective for virtual avatar video production". */
    public record AnimationConfig(String animation) {
    }

    /** Job API only; "will be discarded". */
    public record EmotionConfig(String emotion) {
    }

}

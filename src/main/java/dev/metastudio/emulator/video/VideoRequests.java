package dev.metastudio.emulator.video;

import dev.metastudio.emulator.asset.ReviewConfig;
import dev.metastudio.emulator.callback.CallbackConfig;
import dev.metastudio.emulator.composition.ActionConfig;
import dev.metastudio.emulator.composition.BackgroundMusicConfig;
import dev.metastudio.emulator.composition.Composition;
import dev.metastudio.emulator.composition.ShootScriptItem;
import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.composition.VoiceConfig;
import java.util.List;
import java.util.Map;

/** The create body of reference 5.3.1 and what a video job stores to render later. */
public final class VideoRequests {
    private VideoRequests() {
    }

    public record OutputAssetConfig(String assetName) {
    }

    /** Create2DDigitalHumanVideoReq. */
    public record Create(String scriptId, String modelAssetId, VoiceConfig voiceConfig, VideoConfig videoConfig,
                         List<ShootScriptItem> shootScripts, OutputAssetConfig outputAssetConfig,
                         BackgroundMusicConfig backgroundMusicConfig, ReviewConfig reviewConfig,
                         CallbackConfig callbackConfig, ActionConfig actionConfig) {
    }

    /**
     * The job as a worker renders it: the composition in effect (a script's, when script_id is given) and, per
     * AUDIO scene's sequence number, the object key of the speech uploaded to the script; {@code modelAssetType}
     * HUMAN_MODEL_3D when the script's model is 3D (absent otherwise, and in documents stored before it existed).
     */
    public record Document(String scriptId, Composition composition, OutputAssetConfig outputAssetConfig,
                           ReviewConfig reviewConfig, CallbackConfig callbackConfig, ActionConfig actionConfig,
                           Map<Integer, String> scriptAudioKeys, String modelAssetType) {
    }
}

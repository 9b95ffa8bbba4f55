package dev.metastudio.emulator.script;

import dev.metastudio.emulator.asset.ReviewConfig;
import dev.metastudio.emulator.composition.ActionConfig;
import dev.metastudio.emulator.composition.BackgroundMusicConfig;
import dev.metastudio.emulator.composition.Composition;
import dev.metastudio.emulator.composition.ShootScriptItem;
import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.composition.VoiceConfig;
import java.util.List;

/**
 * The body of create and update (CreateVideoScriptsReq / UpdateVideoScriptsReq) and what a script stores. On
 * update every field is optional and a given field replaces the stored one.
 */
public record ScriptContent(
        String scriptName,
        String scriptDescription,
        ViewMode viewMode,
        String modelAssetId,
        ModelAssetType modelAssetType,
        VoiceConfig voiceConfig,
        VideoConfig videoConfig,
        String sceneAssetId,
        String privData,
        BackgroundMusicConfig backgroundMusicConfig,
        ReviewConfig reviewConfig,
        ActionConfig actionConfig,
        List<ShootScriptItem> shootScripts) {

    public enum ViewMode { LANDSCAPE, VERTICAL }

    public enum ModelAssetType { HUMAN_MODEL_2D, HUMAN_MODEL_3D }

    public Composition composition() {
        return new Composition(modelAssetId, voiceConfig, videoConfig, shootScripts, backgroundMusicConfig);
    }

    ScriptContent renamed(String name) {
        return new ScriptContent(name, scriptDescription, viewMode, modelAssetId, modelAssetType, voiceConfig,
                videoConfig, sceneAssetId, privData, backgroundMusicConfig, reviewConfig, actionConfig, shootScripts);
    }

    ScriptContent updatedBy(ScriptContent u) {
        return new ScriptContent(
                u.scriptName != null ? u.scriptName : scriptName,
                u.scriptDescription != null ? u.scriptDescription : scriptDescription,
                u.viewMode != null ? u.viewMode : viewMode,
                u.modelAssetId != null ? u.modelAssetId : modelAssetId,
                u.modelAssetType != null ? u.modelAssetType : modelAssetType,
                u.voiceConfig != null ? u.voiceConfig : voiceConfig,
                u.videoConfig != null ? u.videoConfig : videoConfig,
                u.sceneAssetId != null ? u.sceneAssetId : sceneAssetId,
                u.privData != null ? u.privData : privData,
                u.backgroundMusicConfig != null ? u.backgroundMusicConfig : backgroundMusicConfig,
                u.reviewConfig != null ? u.reviewConfig : reviewConfig,
                u.actionConfig != null ? u.actionConfig : actionConfig,
                u.shootScripts != null ? u.shootScripts : shootScripts);
    }
}

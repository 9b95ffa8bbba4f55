package dev.metastudio.emulator.script;

import dev.metastudio.emulator.asset.ReviewConfig;
import dev.metastudio.emulator.composition.ActionConfig;
import dev.metastudio.emulator.composition.BackgroundMusicConfig;
import dev.metastudio.emulator.composition.ShootScript;
import dev.metastudio.emulator.composition.ShootScriptItem;
import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.composition.VoiceConfig;
import java.util.List;

/** Response bodies of the video script APIs (reference 5.1). */
public final class ScriptViews {
    private ScriptViews() {
    }

    /** ShootScriptAudioFiles: where each AUDIO scene's speech is uploaded to, or downloaded from. */
    public record AudioFiles(List<AudioFile> audioFileUrl) {
    }

    public record AudioFile(Integer sequenceNo, String audioFileUploadUrl, String audioFileDownloadUrl, Integer audioId) {
    }

    /** Create, update and copy answer the script's id (create and update add the audio upload URLs). */
    public record Saved(String scriptId, AudioFiles audioFiles) {
    }

    public record PreviewInfo(String textSha256, String audioFileDownloadUrl, String actionFileDownloadUrl,
                              Float audioDuration) {
    }

    public record ShowItem(Integer sequenceNo, ShootScript shootScript, ShootScriptItem.SubtitleFiles subtitleFileInfo,
                           ShootScript.AudioConfig audioConfig, PreviewInfo previewInfo) {
    }

    public record Detail(String scriptName, String scriptDescription, ScriptContent.ViewMode viewMode,
                         String modelAssetId, ScriptContent.ModelAssetType modelAssetType, VoiceConfig voiceConfig,
                         VideoConfig videoConfig, String sceneAssetId, String privData,
                         BackgroundMusicConfig backgroundMusicConfig, ReviewConfig reviewConfig, AudioFiles audioFiles,
                         ActionConfig actionConfig, List<ShowItem> shootScripts, String scriptId, String createTime,
                         String updateTime, String scriptCoverUrl) {
    }

    /** VideoScriptBaseInfo; script_type and text are the first scene's. */
    public record BaseInfo(String scriptId, String scriptName, String scriptDescription, String modelAssetId,
                           String modelAssetType, String scriptCoverUrl, String scriptType, String text,
                           String createTime, String updateTime) {
    }

    public record ScriptList(int count, List<BaseInfo> videoScripts) {
    }
}

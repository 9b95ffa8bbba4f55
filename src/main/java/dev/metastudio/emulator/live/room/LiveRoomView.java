package dev.metastudio.emulator.live.room;

import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.composition.VoiceConfig;
import java.time.Instant;
import java.util.List;

/**
 * A live room as the live jobs read it: its stored configuration ({@link #config()}, script_id and rule_index
 * assigned), its state and its last job. The accessors below fill in the documented defaults.
 */
public record LiveRoomView(
        String roomId,
        String projectId,
        String roomName,
        LiveRoomContent.RoomType roomType,
        RoomState roomState,
        LiveRoomContent.ViewMode viewMode,
        LiveRoomContent config,
        String lastJobId,
        LiveState lastJobStatus,
        Instant lastJobStartTime,
        Instant lastJobEndTime,
        Instant createTime,
        Instant updateTime) {

    /** The scenes in order; each with its paragraphs (shoot_scripts), backgrounds, layers, model and voice. */
    public List<LiveRoomContent.LiveScene> scenes() {
        return config.sceneScripts() == null ? List.of() : config.sceneScripts();
    }

    /** The play policy with its documented defaults (repeat_count 0, auto_play_script true, ...). */
    public LiveRoomContent.PlayPolicy playPolicy() {
        return config.playPolicy() == null ? LiveRoomContent.PlayPolicy.DEFAULT : config.playPolicy().withDefaults();
    }

    /** The room's rules, rule_index assigned, defaults filled in (enabled true, priority 500, play_type PLAY_NOW). */
    public List<LiveRoomContent.RoomRule> interactionRules() {
        return config.interactionRules() == null ? List.of()
                : config.interactionRules().stream().map(LiveRoomContent.RoomRule::withDefaults).toList();
    }

    public LiveRoomContent.InteractionConfig interactionConfig() {
        return (config.interactionConfig() == null ? new LiveRoomContent.InteractionConfig(null, null)
                : config.interactionConfig()).withDefaults();
    }

    /** The output settings as stored, or null when the room has none (the job's start body may give them). */
    public VideoConfig videoConfig() {
        return config.videoConfig() == null ? null : config.videoConfig().withDefaults();
    }

    /** Width and height of the output: the video_config's, or the view mode's 1080x1920 / 1920x1080. */
    public int width() {
        return config.videoConfig() != null && config.videoConfig().width() != null ? config.videoConfig().width()
                : viewMode == LiveRoomContent.ViewMode.LANDSCAPE ? 1920 : 1080;
    }

    public int height() {
        return config.videoConfig() != null && config.videoConfig().height() != null ? config.videoConfig().height()
                : viewMode == LiveRoomContent.ViewMode.LANDSCAPE ? 1080 : 1920;
    }

    public List<String> outputUrls() {
        return config.outputUrls() == null ? List.of() : config.outputUrls();
    }

    public List<String> streamKeys() {
        return config.streamKeys() == null ? List.of() : config.streamKeys();
    }

    public LiveRoomContent.LiveEventCallbackConfig liveEventCallbackConfig() {
        return config.liveEventCallbackConfig() == null ? null : config.liveEventCallbackConfig().withDefaults();
    }

    public LiveRoomContent.RtcCallbackConfig rtcCallbackConfig() {
        return config.rtcCallbackConfig() == null ? LiveRoomContent.RtcCallbackConfig.DEFAULT : config.rtcCallbackConfig();
    }

    public LiveRoomContent.CoStreamerConfig coStreamerConfig() {
        return config.coStreamerConfig();
    }

    /** The presenter: the first scene's model_asset_id (null when no scene names one). */
    public String modelAssetId() {
        return scenes().stream().map(LiveRoomContent.LiveScene::modelAssetId)
                .filter(id -> id != null && !id.isEmpty()).findFirst().orElse(null);
    }

    /** The first scene's voice, defaults filled in (null when no scene has one). */
    public VoiceConfig voiceConfig() {
        return scenes().stream().map(LiveRoomContent.LiveScene::voiceConfig).filter(v -> v != null)
                .findFirst().map(VoiceConfig::withDefaults).orElse(null);
    }

    public List<String> backupModelAssetIds() {
        return config.backupModelAssetIds() == null ? List.of() : config.backupModelAssetIds();
    }
}

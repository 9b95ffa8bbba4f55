package dev.metastudio.emulator.live.room;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.metastudio.emulator.asset.ReviewConfig;
import dev.metastudio.emulator.composition.BackgroundConfigInfo;
import dev.metastudio.emulator.composition.LayerConfig;
import dev.metastudio.emulator.composition.ShootScript;
import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.composition.VoiceConfig;
import dev.metastudio.emulator.live.rules.RuleModel;
import java.util.List;

/**
 * A live room's configuration (SmartLiveRoomInfo, reference 6.1.1 Table 6-3; the same body for PUT, 6.1.4): the body
 * of create and update and the JSON document a room stores, with the server-assigned {@code script_id} and
 * {@code rule_index} filled in and {@code view_mode} derived from the resolution. Scenes reuse the composition
 * module's voice, background, layer and video records.
 */
public record LiveRoomContent(
        String roomName,
        String roomDescription,
        RoomType roomType,
        List<LiveScene> sceneScripts,
        InteractionConfig interactionConfig,
        List<RoomRule> interactionRules,
        PlayPolicy playPolicy,
        VideoConfig videoConfig,
        List<String> outputUrls,
        List<String> streamKeys,
        List<String> backupModelAssetIds,
        LiveEventCallbackConfig liveEventCallbackConfig,
        RtcCallbackConfig rtcCallbackConfig,
        ReviewConfig reviewConfig,
        SharedConfig sharedConfig,
        ViewMode viewMode,
        CoStreamerConfig coStreamerConfig,
        String privData,
        PlatformLiveInfo relationLivePlatformInfo) {

    public enum RoomType { NORMAL, TEMP, TEMPLATE }

    public enum ViewMode { LANDSCAPE, VERTICAL }

    public RoomType effectiveRoomType() {
        return roomType == null ? RoomType.NORMAL : roomType;
    }

    /** The same configuration with its scenes, rules and view mode replaced (ids assigned, mode derived). */
    LiveRoomContent with(List<LiveScene> scenes, List<RoomRule> rules, ViewMode mode) {
        return new LiveRoomContent(roomName, roomDescription, effectiveRoomType(), scenes, interactionConfig, rules,
                playPolicy, videoConfig, outputUrls, streamKeys, backupModelAssetIds, liveEventCallbackConfig,
                rtcCallbackConfig, reviewConfig, sharedConfig, mode, coStreamerConfig, privData,
                relationLivePlatformInfo);
    }

    /** A scene (LiveVideoScriptInfo, Table 6-4): script_id server-assigned, shoot_scripts required. */
    public record LiveScene(
            String scriptId,
            String scriptName,
            String scriptDescription,
            String dhId,
            String modelAssetId,
            VoiceConfig voiceConfig,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<BackgroundConfigInfo> backgroundConfig,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<LayerConfig> layerConfig,
            List<LiveShootScriptItem> shootScripts) {

        /** As answered: the voice's documented speed, pitch and volume filled in. */
        public LiveScene withDefaults() {
            return new LiveScene(scriptId, scriptName, scriptDescription, dhId, modelAssetId,
                    voiceConfig == null ? null : voiceConfig.withDefaults(), backgroundConfig, layerConfig,
                    shootScripts);
        }

        LiveScene withId(String id) {
            return new LiveScene(id, scriptName, scriptDescription, dhId, modelAssetId, voiceConfig, backgroundConfig,
                    layerConfig, shootScripts);
        }
    }

    /** A paragraph (LiveShootScriptItem, Table 6-14): text (plain or SSML) or audio, and the product it presents. */
    public record LiveShootScriptItem(Integer sequenceNo, String title, ShootScript.TextConfig textConfig,
                                      LiveAudioConfig audioConfig, RelationProductInfo relationProduct) {
    }

    /** asset_id of an AUDIO asset, or audio_url (MP3) with an optional subtitle_url (SRT). */
    public record LiveAudioConfig(String assetId, String audioUrl, String subtitleUrl) {
    }

    public record RelationProductInfo(String productId, String productTitle) {
    }

    /** play_type default INSERT, ignore_current_sentence default false. */
    public record InteractionConfig(RuleModel.PlayType playType, Boolean ignoreCurrentSentence) {
        public InteractionConfig withDefaults() {
            return new InteractionConfig(playType == null ? RuleModel.PlayType.INSERT : playType,
                    Boolean.TRUE.equals(ignoreCurrentSentence));
        }
    }

    /**
     * A room's rule (LiveRoomInteractionRuleInfo, Table 6-19): rule_index server-assigned; group_id/group_name when
     * imported from a rule library; enabled_scenes names scenes (absent: every scene).
     */
    public record RoomRule(String ruleIndex, String ruleName, Boolean enabled, Integer eventType,
                           RuleModel.HitCondition hitCondition, RuleModel.TriggerProcess trigger,
                           ReviewConfig reviewConfig, String groupId, String groupName, List<String> enabledScenes) {

        public boolean isEnabled() {
            return enabled == null || enabled;
        }

        RoomRule withIndex(String index, String group) {
            return new RoomRule(index, ruleName, enabled, eventType, hitCondition, trigger, reviewConfig, groupId,
                    group, enabledScenes);
        }

        RoomRule withDefaults() {
            return new RoomRule(ruleIndex, ruleName, isEnabled(), eventType,
                    hitCondition == null ? null : hitCondition.withDefaults(),
                    trigger == null ? null : trigger.withDefaults(), reviewConfig, groupId, groupName, enabledScenes);
        }
    }

    public enum PlayMode { TEXT, AUDIO, NO_PRESET }

    public enum RandomPlayMode { NONE, SCENE, SCRIPT_ITEM, SCENE_AND_SCRIPT_ITEM }

    /**
     * PlayPolicy (Table 6-28): repeat_count -1 until stopped, 0 once, n n+1 times (default 0); auto_play_script default
     * true; play_mode default TEXT; random_play_mode default SCRIPT_ITEM, from the second round.
     */
    public record PlayPolicy(Integer repeatCount, Boolean autoPlayScript, PlayMode playMode,
                             RandomPlayMode randomPlayMode, Boolean needIndependentCaptureClient,
                             LiveExitConfig liveExitConfig) {
        public static final PlayPolicy DEFAULT = new PlayPolicy(null, null, null, null, null, null).withDefaults();

        public PlayPolicy withDefaults() {
            return new PlayPolicy(repeatCount == null ? 0 : repeatCount, autoPlayScript == null || autoPlayScript,
                    playMode == null ? PlayMode.TEXT : playMode,
                    randomPlayMode == null ? RandomPlayMode.SCRIPT_ITEM : randomPlayMode,
                    Boolean.TRUE.equals(needIndependentCaptureClient), liveExitConfig);
        }
    }

    public enum AutoStopMode { FORCE_EXIT, SEGMENT_END, SCENE_END, SCRIPT_END }

    /** SDK 3.1.143 PlayPolicy.live_exit_config; kept and answered. */
    public record LiveExitConfig(Integer maxLiveDuration, AutoStopMode autoStopMode,
                                 Integer maxExceptionWaitingDuration) {
    }

    public enum AuthType { NONE, MSS_A, MSS_A_HEAD, MEITUAN_DEFAULT }

    public enum CallbackEventType { SHOOT_SCRIPT_SWITCH, RTMP_STREAM_STATE_CHANGE, REPLY_COMMAND_FINISH }

    /** LiveEventCallBackConfig (Table 6-31); auth_type default NONE. */
    public record LiveEventCallbackConfig(String liveEventTypeCallbackUrl, AuthType authType, String key,
                                          List<CallbackEventType> callbackEventType,
                                          Boolean isInheritancePlatformCallback) {
        public LiveEventCallbackConfig withDefaults() {
            return new LiveEventCallbackConfig(liveEventTypeCallbackUrl, authType == null ? AuthType.NONE : authType,
                    key, callbackEventType, isInheritancePlatformCallback);
        }
    }

    public enum RtcEventType { LIVE_PROGRESS, REPLY_COMMAND_FINISH }

    /** Absent: LIVE_PROGRESS is subscribed. */
    public record RtcCallbackConfig(List<RtcEventType> rtcCallbackEventType) {
        public static final RtcCallbackConfig DEFAULT = new RtcCallbackConfig(List.of(RtcEventType.LIVE_PROGRESS));
    }

    public enum SharedType { PRIVATE, PUBLIC, SHARED }

    public enum SharedState { PUBLISHED, DRAFT, REVIEW }

    /** Templates only. */
    public record SharedConfig(SharedType sharedType, SharedState sharedState, String expireTime,
                               List<String> allowedProjectIds) {
    }

    public enum StreamerAction { SILENCE, VOLUME_DOWN }

    public record CoStreamerConfig(VoiceConfig voiceConfig, StreamerAction streamerAction) {
    }

    /** The request's PlatformLiveInfo; answered as PlatformLiveDetailInfo with the same two fields. */
    public record PlatformLiveInfo(String platformId, String liveId) {
    }
}

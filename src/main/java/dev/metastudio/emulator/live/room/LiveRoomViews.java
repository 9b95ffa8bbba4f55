package dev.metastudio.emulator.live.room;

import dev.metastudio.emulator.asset.ReviewConfig;
import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.edge.ErrorEnvelope;
import dev.metastudio.emulator.live.room.LiveRoomContent.CoStreamerConfig;
import dev.metastudio.emulator.live.room.LiveRoomContent.InteractionConfig;
import dev.metastudio.emulator.live.room.LiveRoomContent.LiveEventCallbackConfig;
import dev.metastudio.emulator.live.room.LiveRoomContent.LiveScene;
import dev.metastudio.emulator.live.room.LiveRoomContent.PlayPolicy;
import dev.metastudio.emulator.live.room.LiveRoomContent.RoomRule;
import dev.metastudio.emulator.live.room.LiveRoomContent.RoomType;
import dev.metastudio.emulator.live.room.LiveRoomContent.RtcCallbackConfig;
import dev.metastudio.emulator.live.room.LiveRoomContent.SharedConfig;
import dev.metastudio.emulator.live.room.LiveRoomContent.ViewMode;
import java.util.List;

/** The documented response bodies of 6.1.1-6.1.5. */
public final class LiveRoomViews {
    private LiveRoomViews() {
    }

    /** 6.1.1: only the id. */
    public record Created(String roomId) {
    }

    /** 6.1.2 Table 6-47. */
    public record RoomList(int count, List<BaseInfo> smartLiveRooms) {
    }

    /** SmartLiveRoomBaseInfo (Table 6-48). */
    public record BaseInfo(String roomId, String projectId, String roomName, RoomType roomType, RoomState roomState,
                           ViewMode viewMode, ErrorEnvelope errorInfo, SharedConfig sharedConfig,
                           String roomDescription, String coverUrl, String thumbnail, List<ModelInfo> modelInfos,
                           String createTime, String updateTime, String lastJobStartTime, String lastJobEndTime,
                           LiveState lastJobStatus, String privData) {
    }

    public record ModelInfo(String modelAssetId, String assetName, List<String> backupModelAssetIds) {
    }

    /** PlatformLiveDetailInfo: the platform and live ids given (the emulator knows no third-party accounts). */
    public record PlatformLiveDetail(String platformId, String platform, String account, String liveId) {
    }

    /**
     * 6.1.3 (and the 6.1.4 answer): the configuration echoed, the documented defaults filled in, plus the room's id,
     * times, cover, thumbnail, state and error.
     */
    public record Detail(String roomName, String roomDescription, RoomType roomType, List<LiveScene> sceneScripts,
                         InteractionConfig interactionConfig, List<RoomRule> interactionRules, PlayPolicy playPolicy,
                         VideoConfig videoConfig, List<String> outputUrls, List<String> streamKeys,
                         List<String> backupModelAssetIds, LiveEventCallbackConfig liveEventCallbackConfig,
                         RtcCallbackConfig rtcCallbackConfig, ReviewConfig reviewConfig, SharedConfig sharedConfig,
                         ViewMode viewMode, CoStreamerConfig coStreamerConfig, String privData, String roomId,
                         PlatformLiveDetail relationLivePlatformInfo, String createTime, String updateTime,
                         String coverUrl, String thumbnail, RoomState roomState, ErrorEnvelope errorInfo) {
    }
}

package dev.metastudio.emulator.video;

import dev.metastudio.emulator.edge.ErrorEnvelope;
import dev.metastudio.emulator.composition.BackgroundMusicConfig;
import dev.metastudio.emulator.composition.ShootScriptItem;
import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.composition.VoiceConfig;
import java.util.List;

/** Response bodies of the video production APIs (reference 5.2, 5.3). */
public final class VideoViews {
    private VideoViews() {
    }

    public record Created(String jobId) {
    }

    public record OutputAssetInfo(String assetId, String assetName, String coverUrl, String previewVideoUrl) {
    }

    /** DigitalHumanVideo; note the reference's field name lastupdate_time. */
    public record Job(String jobId, String state, String jobType, String startTime, String endTime, Float duration,
                      OutputAssetInfo outputAssetConfig, ErrorEnvelope errorInfo, String createTime,
                      String lastupdateTime) {
    }

    /** Show2DDigitalHumanVideoResponse: the job, and its script parameters when show_script=true. */
    public record Detail(String jobId, String state, String jobType, String startTime, String endTime, Float duration,
                         OutputAssetInfo outputAssetConfig, ErrorEnvelope errorInfo, String createTime,
                         String lastupdateTime, String scriptId, String videoMakingType, String modelAssetId,
                         VoiceConfig voiceConfig, VideoConfig videoConfig, List<ShootScriptItem> shootScripts,
                         BackgroundMusicConfig backgroundMusicConfig) {
    }

    public record JobList(int count, List<Job> jobs) {
    }
}

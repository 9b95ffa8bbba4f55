package dev.metastudio.emulator.live.job;

import java.time.Instant;

/** A row of live_job. JSON columns are kept as their text. */
record LiveJob(String jobId, String projectId, String roomId, String roomName, String roomType, LiveJobState state,
               String config, String rtcRoomInfo, String liveEventCallbackConfig, String rtcCallbackConfig,
               String coStreamerConfig, String interactionCallbackUrl, String outputUrl, String streamKey,
               Double duration, Double streamDuration, String errorCode, String errorMsg, Instant createTime,
               Instant updateTime, Instant startTime, Instant endTime) {
}

package dev.metastudio.emulator.video;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A video production job and its documented states. The work queue drives it; every state change is one of the
 * methods below, called in the queue's transaction (or the cancel API's) with this row locked.
 */
@Entity
@Table(name = "video_job")
public class VideoJobEntity {
    @Id
    private String jobId;
    private String projectId;
    private String jobType;
    @Enumerated(EnumType.STRING)
    private VideoJobState state;
    private String scriptId;
    private String outputAssetName;
    private String outputAssetId;
    private Double duration;
    private String appUserId;
    private String request;
    private String errorCode;
    private String errorMsg;
    private Instant createTime;
    private Instant updateTime;
    private Instant startTime;
    private Instant endTime;

    protected VideoJobEntity() {
    }

    VideoJobEntity(String jobId, String projectId, String jobType, String scriptId, String outputAssetName,
                   String appUserId, String request, Instant now) {
        this.jobId = jobId;
        this.projectId = projectId;
        this.jobType = jobType;
        this.state = VideoJobState.WAITING;
        this.scriptId = scriptId;
        this.outputAssetName = outputAssetName;
        this.appUserId = appUserId;
        this.request = request;
        this.createTime = now;
        this.updateTime = now;
    }

    /** A worker starts it; false unless it is WAITING (it was cancelled meanwhile). */
    public boolean start(Instant now) {
        if (state != VideoJobState.WAITING) {
            return false;
        }
        state = VideoJobState.PROCESSING;
        startTime = startTime == null ? now : startTime;
        updateTime = now;
        return true;
    }

    public boolean succeed(String assetId, double seconds, Instant now) {
        if (state != VideoJobState.PROCESSING) {
            return false;
        }
        state = VideoJobState.SUCCEED;
        outputAssetId = assetId;
        duration = seconds;
        endTime = now;
        updateTime = now;
        return true;
    }

    public void fail(String code, String message, Instant now) {
        state = VideoJobState.FAILED;
        errorCode = code;
        errorMsg = message;
        endTime = now;
        updateTime = now;
    }

    /** Its worker died: it waits for another (reference states only; the attempt is the queue's business). */
    public void requeue(Instant now) {
        if (state == VideoJobState.PROCESSING) {
            state = VideoJobState.WAITING;
            updateTime = now;
        }
    }

    /** Only a WAITING job can be cancelled (reference 5.3.3). */
    public boolean cancel(Instant now) {
        if (state != VideoJobState.WAITING) {
            return false;
        }
        state = VideoJobState.CANCELED;
        endTime = now;
        updateTime = now;
        return true;
    }

    public String getJobId() { return jobId; }
    public String getProjectId() { return projectId; }
    public String getJobType() { return jobType; }
    public VideoJobState getState() { return state; }
    public String getScriptId() { return scriptId; }
    public String getOutputAssetName() { return outputAssetName; }
    public String getOutputAssetId() { return outputAssetId; }
    public Double getDuration() { return duration; }
    public String getAppUserId() { return appUserId; }
    public String getRequest() { return request; }
    public String getErrorCode() { return errorCode; }
    public String getErrorMsg() { return errorMsg; }
    public Instant getCreateTime() { return createTime; }
    public Instant getUpdateTime() { return updateTime; }
    public Instant getStartTime() { return startTime; }
    public Instant getEndTime() { return endTime; }
}

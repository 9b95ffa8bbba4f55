package dev.metastudio.emulator.tts;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A TTS preview job; the work queue drives it through these transitions, with this row locked. */
@Entity
@Table(name = "tts_job")
public class TtsJobEntity {
    @Id
    private String jobId;
    private String projectId;
    @Enumerated(EnumType.STRING)
    private TtsJobState state;
    private String appUserId;
    /** Null for a tenant's audition; {@link #SCRIPT_PREVIEW} for a script scene's preview_info audio. */
    private String purpose;
    private String request;
    private String result;
    private Double duration;
    private String errorCode;
    private String errorMsg;
    private Instant createTime;
    private Instant updateTime;
    private Instant startTime;
    private Instant endTime;

    static final String SCRIPT_PREVIEW = "SCRIPT_PREVIEW";

    protected TtsJobEntity() {
    }

    TtsJobEntity forPurpose(String value) {
        this.purpose = value;
        return this;
    }

    TtsJobEntity(String jobId, String projectId, String appUserId, String request, Instant now) {
        this.jobId = jobId;
        this.projectId = projectId;
        this.state = TtsJobState.WAITING;
        this.appUserId = appUserId;
        this.request = request;
        this.createTime = now;
        this.updateTime = now;
    }

    boolean start(Instant now) {
        if (state != TtsJobState.WAITING) {
            return false;
        }
        state = TtsJobState.PROCESSING;
        startTime = startTime == null ? now : startTime;
        updateTime = now;
        return true;
    }

    boolean succeed(String resultDocument, double seconds, Instant now) {
        if (state != TtsJobState.PROCESSING) {
            return false;
        }
        state = TtsJobState.SUCCEED;
        result = resultDocument;
        duration = seconds;
        endTime = now;
        updateTime = now;
        return true;
    }

    void fail(String code, String message, Instant now) {
        state = TtsJobState.FAILED;
        errorCode = code;
        errorMsg = message;
        endTime = now;
        updateTime = now;
    }

    void requeue(Instant now) {
        if (state == TtsJobState.PROCESSING) {
            state = TtsJobState.WAITING;
            updateTime = now;
        }
    }

    public String getJobId() { return jobId; }
    public String getProjectId() { return projectId; }
    public TtsJobState getState() { return state; }
    public String getAppUserId() { return appUserId; }
    public String getRequest() { return request; }
    public String getResult() { return result; }
    public Double getDuration() { return duration; }
    public String getErrorCode() { return errorCode; }
    public String getErrorMsg() { return errorMsg; }
    public Instant getCreateTime() { return createTime; }
    public Instant getUpdateTime() { return updateTime; }
    public Instant getStartTime() { return startTime; }
    public Instant getEndTime() { return endTime; }
}

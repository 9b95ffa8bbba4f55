package dev.metastudio.emulator.job;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the job queue. {@code request} and {@code result} are the kind's own JSON documents. */
@Entity
@Table(name = "render_job")
public class JobEntity {
    @Id
    private String jobId;
    private String projectId;
    @Enumerated(EnumType.STRING)
    private JobKind kind;
    private String jobType;
    @Enumerated(EnumType.STRING)
    private JobState state;
    private String capability;
    private int attempts;
    private String leaseOwner;
    private Instant leaseUntil;
    private Integer progressDone;
    private Integer progressTotal;
    private String scriptId;
    private String outputAssetName;
    private String outputAssetId;
    private Double duration;
    private String appUserId;
    private String request;
    private String result;
    private String errorCode;
    private String errorMsg;
    private String renderedBy;
    private Instant createTime;
    private Instant updateTime;
    private Instant startTime;
    private Instant endTime;

    // Accessors: plain getters and setters, as JPA entities need.
    public String getJobId() { return jobId; }
    public void setJobId(String jobId) { this.jobId = jobId; }
    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public JobKind getKind() { return kind; }
    public void setKind(JobKind kind) { this.kind = kind; }
    public String getJobType() { return jobType; }
    public void setJobType(String jobType) { this.jobType = jobType; }
    public JobState getState() { return state; }
    public void setState(JobState state) { this.state = state; }
    public String getCapability() { return capability; }
    public void setCapability(String capability) { this.capability = capability; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public String getLeaseOwner() { return leaseOwner; }
    public void setLeaseOwner(String leaseOwner) { this.leaseOwner = leaseOwner; }
    public Instant getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(Instant leaseUntil) { this.leaseUntil = leaseUntil; }
    public Integer getProgressDone() { return progressDone; }
    public void setProgressDone(Integer progressDone) { this.progressDone = progressDone; }
    public Integer getProgressTotal() { return progressTotal; }
    public void setProgressTotal(Integer progressTotal) { this.progressTotal = progressTotal; }
    public String getScriptId() { return scriptId; }
    public void setScriptId(String scriptId) { this.scriptId = scriptId; }
    public String getOutputAssetName() { return outputAssetName; }
    public void setOutputAssetName(String outputAssetName) { this.outputAssetName = outputAssetName; }
    public String getOutputAssetId() { return outputAssetId; }
    public void setOutputAssetId(String outputAssetId) { this.outputAssetId = outputAssetId; }
    public Double getDuration() { return duration; }
    public void setDuration(Double duration) { this.duration = duration; }
    public String getAppUserId() { return appUserId; }
    public void setAppUserId(String appUserId) { this.appUserId = appUserId; }
    public String getRequest() { return request; }
    public void setRequest(String request) { this.request = request; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
    public String getErrorCode() { return errorCode; }
    public void setErrorCode(String errorCode) { this.errorCode = errorCode; }
    public String getErrorMsg() { return errorMsg; }
    public void setErrorMsg(String errorMsg) { this.errorMsg = errorMsg; }
    public String getRenderedBy() { return renderedBy; }
    public void setRenderedBy(String renderedBy) { this.renderedBy = renderedBy; }
    public Instant getCreateTime() { return createTime; }
    public void setCreateTime(Instant createTime) { this.createTime = createTime; }
    public Instant getUpdateTime() { return updateTime; }
    public void setUpdateTime(Instant updateTime) { this.updateTime = updateTime; }
    public Instant getStartTime() { return startTime; }
    public void setStartTime(Instant startTime) { this.startTime = startTime; }
    public Instant getEndTime() { return endTime; }
    public void setEndTime(Instant endTime) { this.endTime = endTime; }
}

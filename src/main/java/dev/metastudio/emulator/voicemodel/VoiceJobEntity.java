package dev.metastudio.emulator.voicemodel;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A voice training job (reference 9); the work queue drives it from SYSTEM_AUDITING on, with this row locked. */
@Entity
@Table(name = "voice_training_job")
class VoiceJobEntity {
    @Id
    String jobId;
    String projectId;
    @Enumerated(EnumType.STRING)
    JobType jobType;
    @Enumerated(EnumType.STRING)
    JobState state;
    String voiceName;
    String description;
    String sex;
    String language;
    String tag;
    String createType;
    String phone;
    String dhtmsJobId;
    String batchName;
    String outputLanguage;
    String appUserId;
    int rejectTimes;
    String assetId;
    String jobFailedCode;
    String jobFailedReason;
    /** JSON array of {@link VoiceViews.OperationLog}. */
    String operationLogs;
    /** JSON {@link VoiceViews.AuditResult}, the last review's. */
    String auditResult;
    /** JSON array of the confirmed sentence indexes (9.11, 9.12). */
    String confirmedIndexes;
    /** JSON {@link VoiceCloner.Learnt}, what training measured and chose. */
    String timbre;
    Instant createTime;
    Instant updateTime;

    protected VoiceJobEntity() {
    }

    VoiceJobEntity(String jobId, String projectId, JobType jobType, Instant now) {
        this.jobId = jobId;
        this.projectId = projectId;
        this.jobType = jobType;
        this.state = JobState.CREATING;
        this.operationLogs = "[]";
        this.confirmedIndexes = "[]";
        this.createTime = now;
        this.updateTime = now;
    }
}

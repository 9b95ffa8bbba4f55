package dev.metastudio.emulator.imagemodel;

import dev.metastudio.emulator.config.JsonColumns;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One image-model training job (reference 8); its documents are JSON columns, what lists filter on are columns. */
@Entity
@Table(name = "image_training_job")
class ImageTrainingJobEntity {
    @Id
    private String jobId;
    private String projectId;
    @Enumerated(EnumType.STRING)
    private ImageJobState state;
    private String name;
    private String batchName;
    private String modelResolution;
    private boolean isFlexus;
    private String appUserId;
    private String assetId;
    private String tags;
    private String settings;
    /** {"assembled": true} once the training video's segments are joined (CONFIRM_MULTIPART_UPLOADED). */
    private String uploads;
    private String operationLogs;
    private String commentLogs;
    private String mattingInfo;
    @Enumerated(EnumType.STRING)
    private ImageJobState previousState;
    /** Bumped by each 8.5 update: upload keys of older generations are never handed out again. */
    private int generation;
    private Instant createTime;
    private Instant updateTime;
    private Instant lastUpdateTime;

    protected ImageTrainingJobEntity() {
    }

    ImageTrainingJobEntity(String jobId, String projectId, String name, String batchName, boolean flexus,
                           String appUserId, List<String> tags, ImageModelRequests.Settings settings, Instant now) {
        this.jobId = jobId;
        this.projectId = projectId;
        this.state = ImageJobState.WAIT_FILE_UPLOAD;
        this.name = name;
        this.batchName = batchName;
        this.modelResolution = "1080P";
        this.isFlexus = flexus;
        this.appUserId = appUserId;
        this.tags = JsonColumns.write(new ImageModelRequests.Tags(tags == null ? List.of() : tags));
        this.settings = JsonColumns.write(settings);
        this.uploads = "{}";
        this.operationLogs = JsonColumns.write(new ImageModelRequests.Logs(List.of()));
        this.commentLogs = JsonColumns.write(new ImageModelRequests.Comments(List.of()));
        this.generation = 0;
        this.createTime = now;
        this.updateTime = now;
        this.lastUpdateTime = this.createTime;
    }

    void log(String type, String description, String user, Instant now) {
        List<ImageModelRequests.OperationLog> entries = new ArrayList<>(logs());
        entries.add(new ImageModelRequests.OperationLog(ImageModelService.rfc3339(now), type, description, user));
        operationLogs = JsonColumns.write(new ImageModelRequests.Logs(entries));
        updateTime = now;
    }

    void comment(ImageModelRequests.CommentLog entry) {
        List<ImageModelRequests.CommentLog> entries = new ArrayList<>(comments());
        entries.add(entry);
        commentLogs = JsonColumns.write(new ImageModelRequests.Comments(entries));
    }

    void moveTo(ImageJobState next, Instant now) {
        state = next;
        updateTime = now;
    }

    List<ImageModelRequests.OperationLog> logs() {
        return JsonColumns.read(operationLogs, ImageModelRequests.Logs.class).entries();
    }

    List<ImageModelRequests.CommentLog> comments() {
        return JsonColumns.read(commentLogs, ImageModelRequests.Comments.class).entries();
    }

    List<String> tagList() {
        return JsonColumns.read(tags, ImageModelRequests.Tags.class).values();
    }

    ImageModelRequests.Settings settingsDoc() {
        return JsonColumns.read(settings, ImageModelRequests.Settings.class);
    }

    List<ImageModelRequests.MattingInfo> matting() {
        return mattingInfo == null ? null : JsonColumns.read(mattingInfo, ImageModelRequests.Matting.class).entries();
    }

    boolean assembled() {
        return uploads.contains("\"assembled\":true");
    }

    void setAssembled(boolean value) {
        uploads = value ? "{\"assembled\":true}" : "{}";
    }

    /** How many times the job was submitted for review: the work item of each submission is its own subject. */
    int submissions() {
        return (int) logs().stream().filter(l -> l.logType().equals("USER_VERIFYING_SUBMITTED")).count();
    }

    void setMatting(List<ImageModelRequests.MattingInfo> entries) {
        mattingInfo = entries == null ? null : JsonColumns.write(new ImageModelRequests.Matting(entries));
    }

    void setSettings(ImageModelRequests.Settings value) {
        settings = JsonColumns.write(value);
    }

    void setTags(List<String> values) {
        tags = JsonColumns.write(new ImageModelRequests.Tags(values));
    }

    void userUpdated(Instant now) {
        lastUpdateTime = now;
        updateTime = now;
    }

    void nextGeneration() {
        generation++;
        setAssembled(false);
    }

    String getJobId() { return jobId; }
    String getProjectId() { return projectId; }
    ImageJobState getState() { return state; }
    String getName() { return name; }
    void setName(String name) { this.name = name; }
    String getBatchName() { return batchName; }
    void setBatchName(String batchName) { this.batchName = batchName; }
    String getModelResolution() { return modelResolution; }
    void setModelResolution(String modelResolution) { this.modelResolution = modelResolution; }
    boolean isFlexus() { return isFlexus; }
    String getAppUserId() { return appUserId; }
    String getAssetId() { return assetId; }
    void setAssetId(String assetId) { this.assetId = assetId; }
    ImageJobState getPreviousState() { return previousState; }
    void setPreviousState(ImageJobState previousState) { this.previousState = previousState; }
    int getGeneration() { return generation; }
    Instant getCreateTime() { return createTime; }
    Instant getUpdateTime() { return updateTime; }
    Instant getLastUpdateTime() { return lastUpdateTime; }
}

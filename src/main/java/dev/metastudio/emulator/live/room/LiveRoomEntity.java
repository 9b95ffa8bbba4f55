package dev.metastudio.emulator.live.room;

import dev.metastudio.emulator.config.JsonColumns;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A live room: the stored {@link LiveRoomContent} and the columns the list filters on. */
@Entity
@Table(name = "live_room")
public class LiveRoomEntity {
    @Id
    private String roomId;
    private String projectId;
    private String roomName;
    private String roomType;
    private String roomState;
    private String viewMode;
    private String modelAssetIds;
    private String dhIds;
    private String modelNames;
    private String sharedType;
    private String sharedState;
    private Instant sharedExpireTime;
    private String sharedWith;
    private String lastJobId;
    private String lastJobStatus;
    private Instant lastJobStartTime;
    private Instant lastJobEndTime;
    private String errorCode;
    private String errorMsg;
    @Convert(converter = ContentColumn.class)
    private LiveRoomContent content;
    private Instant createTime;
    private Instant updateTime;

    static class ContentColumn extends JsonColumns.Converter<LiveRoomContent> {
        ContentColumn() {
            super(LiveRoomContent.class);
        }
    }

    // Accessors: plain getters and setters, as JPA entities need.
    public String getRoomId() { return roomId; }
    void setRoomId(String roomId) { this.roomId = roomId; }
    public String getProjectId() { return projectId; }
    void setProjectId(String projectId) { this.projectId = projectId; }
    public String getRoomName() { return roomName; }
    void setRoomName(String roomName) { this.roomName = roomName; }
    public String getRoomType() { return roomType; }
    void setRoomType(String roomType) { this.roomType = roomType; }
    public String getRoomState() { return roomState; }
    void setRoomState(String roomState) { this.roomState = roomState; }
    public String getViewMode() { return viewMode; }
    void setViewMode(String viewMode) { this.viewMode = viewMode; }
    String getModelAssetIds() { return modelAssetIds; }
    void setModelAssetIds(String modelAssetIds) { this.modelAssetIds = modelAssetIds; }
    String getDhIds() { return dhIds; }
    void setDhIds(String dhIds) { this.dhIds = dhIds; }
    String getModelNames() { return modelNames; }
    void setModelNames(String modelNames) { this.modelNames = modelNames; }
    String getSharedType() { return sharedType; }
    void setSharedType(String sharedType) { this.sharedType = sharedType; }
    String getSharedState() { return sharedState; }
    void setSharedState(String sharedState) { this.sharedState = sharedState; }
    Instant getSharedExpireTime() { return sharedExpireTime; }
    void setSharedExpireTime(Instant sharedExpireTime) { this.sharedExpireTime = sharedExpireTime; }
    String getSharedWith() { return sharedWith; }
    void setSharedWith(String sharedWith) { this.sharedWith = sharedWith; }
    public String getLastJobId() { return lastJobId; }
    void setLastJobId(String lastJobId) { this.lastJobId = lastJobId; }
    public String getLastJobStatus() { return lastJobStatus; }
    void setLastJobStatus(String lastJobStatus) { this.lastJobStatus = lastJobStatus; }
    public Instant getLastJobStartTime() { return lastJobStartTime; }
    void setLastJobStartTime(Instant lastJobStartTime) { this.lastJobStartTime = lastJobStartTime; }
    public Instant getLastJobEndTime() { return lastJobEndTime; }
    void setLastJobEndTime(Instant lastJobEndTime) { this.lastJobEndTime = lastJobEndTime; }
    public String getErrorCode() { return errorCode; }
    void setErrorCode(String errorCode) { this.errorCode = errorCode; }
    public String getErrorMsg() { return errorMsg; }
    void setErrorMsg(String errorMsg) { this.errorMsg = errorMsg; }
    public LiveRoomContent getContent() { return content; }
    void setContent(LiveRoomContent content) { this.content = content; }
    public Instant getCreateTime() { return createTime; }
    void setCreateTime(Instant createTime) { this.createTime = createTime; }
    public Instant getUpdateTime() { return updateTime; }
    void setUpdateTime(Instant updateTime) { this.updateTime = updateTime; }
}

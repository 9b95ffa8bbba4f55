package dev.metastudio.emulator.asset;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file of an asset and where its bytes live in the object store. */
@Entity
@Table(name = "asset_file")
public class AssetFileEntity {
    @Id
    private String fileId;
    private String assetRow;
    private String projectId;
    private String fileName;
    private String fileMd5;
    private Long fileSize;
    private String fileType;
    @Enumerated(EnumType.STRING)
    private FileCategory assetFileCategory;
    @Enumerated(EnumType.STRING)
    private FileState state;
    private String reason;
    private String objectKey;
    private String multipartUploadId;
    private Integer multipartCount;
    private String transcodingStatus;
    private Instant createTime;
    private Instant updateTime;

    public boolean isMultipart() {
        return multipartUploadId != null;
    }

    // Accessors: plain getters and setters, as JPA entities need.
    public String getFileId() { return fileId; }
    public void setFileId(String fileId) { this.fileId = fileId; }
    public String getAssetRow() { return assetRow; }
    public void setAssetRow(String assetRow) { this.assetRow = assetRow; }
    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getFileName() { return fileName; }
    public void setFileName(String fileName) { this.fileName = fileName; }
    public String getFileMd5() { return fileMd5; }
    public void setFileMd5(String fileMd5) { this.fileMd5 = fileMd5; }
    public Long getFileSize() { return fileSize; }
    public void setFileSize(Long fileSize) { this.fileSize = fileSize; }
    public String getFileType() { return fileType; }
    public void setFileType(String fileType) { this.fileType = fileType; }
    public FileCategory getAssetFileCategory() { return assetFileCategory; }
    public void setAssetFileCategory(FileCategory category) { this.assetFileCategory = category; }
    public FileState getState() { return state; }
    public void setState(FileState state) { this.state = state; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getObjectKey() { return objectKey; }
    public void setObjectKey(String objectKey) { this.objectKey = objectKey; }
    public String getMultipartUploadId() { return multipartUploadId; }
    public void setMultipartUploadId(String uploadId) { this.multipartUploadId = uploadId; }
    public Integer getMultipartCount() { return multipartCount; }
    public void setMultipartCount(Integer multipartCount) { this.multipartCount = multipartCount; }
    public String getTranscodingStatus() { return transcodingStatus; }
    public void setTranscodingStatus(String transcodingStatus) { this.transcodingStatus = transcodingStatus; }
    public Instant getCreateTime() { return createTime; }
    public void setCreateTime(Instant createTime) { this.createTime = createTime; }
    public Instant getUpdateTime() { return updateTime; }
    public void setUpdateTime(Instant updateTime) { this.updateTime = updateTime; }
}

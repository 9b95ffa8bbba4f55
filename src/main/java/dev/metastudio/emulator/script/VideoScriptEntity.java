package dev.metastudio.emulator.script;

import dev.metastudio.emulator.config.JsonColumns;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A saved video script; lists filter on the columns, the rest is the stored {@link ScriptContent}. */
@Entity
@Table(name = "video_script")
public class VideoScriptEntity {
    public static final String DRAFT = "VIDEO_DRAFT";
    public static final String TEMPLATE = "SYSTEM_VIDEO_TEMPLET";

    @Id
    private String scriptId;
    private String projectId;
    private String scriptCatalog;
    private String scriptName;
    private String scriptDescription;
    private String viewMode;
    private String modelAssetId;
    private String modelAssetType;
    @Convert(converter = ContentColumn.class)
    private ScriptContent content;
    @Convert(converter = PreviewsColumn.class)
    private ScenePreviews.Previews previews;
    private Instant createTime;
    private Instant updateTime;

    static class ContentColumn extends JsonColumns.Converter<ScriptContent> {
        ContentColumn() {
            super(ScriptContent.class);
        }
    }

    static class PreviewsColumn extends JsonColumns.Converter<ScenePreviews.Previews> {
        PreviewsColumn() {
            super(ScenePreviews.Previews.class);
        }
    }

    /** Keeps the listed columns in step with the content. */
    void apply(ScriptContent value) {
        this.content = value;
        this.scriptName = value.scriptName();
        this.scriptDescription = value.scriptDescription();
        this.viewMode = value.viewMode() == null ? null : value.viewMode().name();
        this.modelAssetId = value.modelAssetId();
        this.modelAssetType = value.modelAssetType() == null ? null : value.modelAssetType().name();
    }

    // Accessors: plain getters and setters, as JPA entities need.
    public String getScriptId() { return scriptId; }
    public void setScriptId(String scriptId) { this.scriptId = scriptId; }
    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getScriptCatalog() { return scriptCatalog; }
    public void setScriptCatalog(String scriptCatalog) { this.scriptCatalog = scriptCatalog; }
    public String getScriptName() { return scriptName; }
    public String getScriptDescription() { return scriptDescription; }
    public String getViewMode() { return viewMode; }
    public String getModelAssetId() { return modelAssetId; }
    public String getModelAssetType() { return modelAssetType; }
    public ScriptContent getContent() { return content; }
    ScenePreviews.Previews getPreviews() { return previews; }
    void setPreviews(ScenePreviews.Previews previews) { this.previews = previews; }
    public Instant getCreateTime() { return createTime; }
    public void setCreateTime(Instant createTime) { this.createTime = createTime; }
    public Instant getUpdateTime() { return updateTime; }
    public void setUpdateTime(Instant updateTime) { this.updateTime = updateTime; }
}

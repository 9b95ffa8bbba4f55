package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.config.JsonColumns;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One asset of a project (or of the system library). Lists filter on the columns and child tables. */
@Entity
@Table(name = "asset")
public class AssetEntity {
    public static final String SYSTEM_PROJECT = "_system";

    @Id
    private String id;
    private String assetId;
    private String projectId;
    private String assetSource;
    private String assetName;
    private String assetDescription;
    @Enumerated(EnumType.STRING)
    private AssetType assetType;
    @Enumerated(EnumType.STRING)
    private AssetState assetState;
    @Enumerated(EnumType.STRING)
    private AssetState stateBeforeDelete;
    private String failType;
    private String reason;
    private String appUserId;
    private Integer assetOrder;
    private String sex;
    private String language;
    private String styleId;
    private String voiceProvider;
    private Boolean realtimeVoice;
    private String modelVersion;
    private Boolean actionEditable;
    private Boolean withActionLibrary;
    private String engineBinding;
    /** is_need_generate_cover as created (L801); only a VIDEO asset's ingest reads it. */
    private Boolean generateCover;
    @Convert(converter = ExtraMetaColumn.class)
    private AssetExtraMeta extraMeta;
    @Convert(converter = SharedConfigColumn.class)
    private AssetSharedConfig sharedConfig;
    @Convert(converter = ReviewConfigColumn.class)
    private ReviewConfig reviewConfig;
    private Instant createTime;
    private Instant updateTime;

    @ElementCollection
    @CollectionTable(name = "asset_tag", joinColumns = @JoinColumn(name = "asset_row"))
    @OrderColumn(name = "position")
    @Column(name = "tag")
    private List<String> tags = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "asset_system_property", joinColumns = @JoinColumn(name = "asset_row"))
    @OrderColumn(name = "position")
    private List<PropertyValue> systemProperties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "asset_supported_service", joinColumns = @JoinColumn(name = "asset_row"))
    @OrderColumn(name = "position")
    @Column(name = "service")
    private List<String> supportedServices = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "asset_device_name", joinColumns = @JoinColumn(name = "asset_row"))
    @OrderColumn(name = "position")
    @Column(name = "device_name")
    private List<String> deviceNames = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "asset_share", joinColumns = @JoinColumn(name = "asset_row"))
    @OrderColumn(name = "position")
    @Column(name = "project_id")
    private List<String> sharedWith = new ArrayList<>();

    @Embeddable
    public static class PropertyValue {
        @Column(name = "prop_key")
        private String key;
        @Column(name = "prop_value")
        private String value;

        protected PropertyValue() {
        }

        public PropertyValue(String key, String value) {
            this.key = key;
            this.value = value;
        }

        public String key() {
            return key;
        }

        public String value() {
            return value;
        }
    }

    static class ExtraMetaColumn extends JsonColumns.Converter<AssetExtraMeta> {
        ExtraMetaColumn() {
            super(AssetExtraMeta.class);
        }
    }

    static class SharedConfigColumn extends JsonColumns.Converter<AssetSharedConfig> {
        SharedConfigColumn() {
            super(AssetSharedConfig.class);
        }
    }

    static class ReviewConfigColumn extends JsonColumns.Converter<ReviewConfig> {
        ReviewConfigColumn() {
            super(ReviewConfig.class);
        }
    }

    /** Keeps the filterable columns in step with the meta document. */
    public void applyExtraMeta(AssetExtraMeta meta) {
        setExtraMeta(meta);
        if (meta == null) {
            return;
        }
        if (meta.voiceModelMeta() != null) {
            var voice = meta.voiceModelMeta();
            setSex(voice.sex() == null ? null : voice.sex().name());
            setLanguage(voice.language() == null ? null : voice.language().name());
            setRealtimeVoice(voice.isRealtimeVoice() == null ? Boolean.TRUE : voice.isRealtimeVoice());
            setVoiceProvider(voice.externalVoiceMeta() == null || voice.externalVoiceMeta().provider() == null
                    ? "HUAWEI_METASTUDIO" : voice.externalVoiceMeta().provider().name());
        }
        if (meta.humanModelMeta() != null && meta.humanModelMeta().styleId() != null) {
            setStyleId(meta.humanModelMeta().styleId().name());
        }
        if (meta.humanModel2dMeta() != null) {
            var model = meta.humanModel2dMeta();
            setModelVersion(model.modelVersion() == null ? null : model.modelVersion().name());
            setActionEditable(model.isActionEditable());
            setWithActionLibrary(model.isWithActionLibrary());
            if (model.deviceNames() != null) {
                setDeviceNames(model.deviceNames());
            }
        }
    }

    public boolean isSystem() {
        return SYSTEM_PROJECT.equals(projectId);
    }

    // Accessors: plain getters and setters, as JPA entities need.
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getAssetId() { return assetId; }
    public void setAssetId(String assetId) { this.assetId = assetId; }
    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public String getAssetSource() { return assetSource; }
    public void setAssetSource(String assetSource) { this.assetSource = assetSource; }
    public String getAssetName() { return assetName; }
    public void setAssetName(String assetName) { this.assetName = assetName; }
    public String getAssetDescription() { return assetDescription; }
    public void setAssetDescription(String assetDescription) { this.assetDescription = assetDescription; }
    public AssetType getAssetType() { return assetType; }
    public void setAssetType(AssetType assetType) { this.assetType = assetType; }
    public AssetState getAssetState() { return assetState; }
    public void setAssetState(AssetState assetState) { this.assetState = assetState; }
    public AssetState getStateBeforeDelete() { return stateBeforeDelete; }
    public void setStateBeforeDelete(AssetState stateBeforeDelete) { this.stateBeforeDelete = stateBeforeDelete; }
    public String getFailType() { return failType; }
    public void setFailType(String failType) { this.failType = failType; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getAppUserId() { return appUserId; }
    public void setAppUserId(String appUserId) { this.appUserId = appUserId; }
    public Integer getAssetOrder() { return assetOrder; }
    public void setAssetOrder(Integer assetOrder) { this.assetOrder = assetOrder; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getStyleId() { return styleId; }
    public void setStyleId(String styleId) { this.styleId = styleId; }
    public String getVoiceProvider() { return voiceProvider; }
    public void setVoiceProvider(String voiceProvider) { this.voiceProvider = voiceProvider; }
    public Boolean getRealtimeVoice() { return realtimeVoice; }
    public void setRealtimeVoice(Boolean realtimeVoice) { this.realtimeVoice = realtimeVoice; }
    public String getModelVersion() { return modelVersion; }
    public void setModelVersion(String modelVersion) { this.modelVersion = modelVersion; }
    public Boolean getActionEditable() { return actionEditable; }
    public void setActionEditable(Boolean actionEditable) { this.actionEditable = actionEditable; }
    public Boolean getWithActionLibrary() { return withActionLibrary; }
    public void setWithActionLibrary(Boolean withActionLibrary) { this.withActionLibrary = withActionLibrary; }
    public String getEngineBinding() { return engineBinding; }
    public boolean isGenerateCover() { return Boolean.TRUE.equals(generateCover); }
    public void setGenerateCover(Boolean generateCover) { this.generateCover = generateCover; }
    public void setEngineBinding(String engineBinding) { this.engineBinding = engineBinding; }
    public AssetExtraMeta getExtraMeta() { return extraMeta; }
    public void setExtraMeta(AssetExtraMeta extraMeta) { this.extraMeta = extraMeta; }
    public AssetSharedConfig getSharedConfig() { return sharedConfig; }
    public void setSharedConfig(AssetSharedConfig sharedConfig) { this.sharedConfig = sharedConfig; }
    public ReviewConfig getReviewConfig() { return reviewConfig; }
    public void setReviewConfig(ReviewConfig reviewConfig) { this.reviewConfig = reviewConfig; }
    public Instant getCreateTime() { return createTime; }
    public void setCreateTime(Instant createTime) { this.createTime = createTime; }
    public Instant getUpdateTime() { return updateTime; }
    public void setUpdateTime(Instant updateTime) { this.updateTime = updateTime; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = new ArrayList<>(tags); }
    public List<PropertyValue> getSystemProperties() { return systemProperties; }
    public void setSystemProperties(List<PropertyValue> values) { this.systemProperties = new ArrayList<>(values); }
    public List<String> getSupportedServices() { return supportedServices; }
    public void setSupportedServices(List<String> services) { this.supportedServices = new ArrayList<>(services); }
    public List<String> getDeviceNames() { return deviceNames; }
    public void setDeviceNames(List<String> names) { this.deviceNames = new ArrayList<>(names); }
    public List<String> getSharedWith() { return sharedWith; }
    public void setSharedWith(List<String> projects) { this.sharedWith = new ArrayList<>(projects); }
}

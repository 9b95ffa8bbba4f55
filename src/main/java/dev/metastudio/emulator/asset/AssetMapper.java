package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.storage.StorageProperties;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Entities to the documented response shapes, with freshly presigned download URLs. */
@Component
public class AssetMapper {
    private final AssetFileRepository files;
    private final ObjectStore store;
    private final StorageProperties storage;

    AssetMapper(AssetFileRepository files, ObjectStore store, StorageProperties storage) {
        this.files = files;
        this.store = store;
        this.storage = storage;
    }

    public AssetViews.Asset view(AssetEntity asset, String baseUrl) {
        return view(asset, files.findByAssetRowOrderByCreateTime(asset.getId()), baseUrl);
    }

    /** Views for a page of assets, their files fetched in one query. */
    public List<AssetViews.Asset> views(Collection<AssetEntity> assets, String baseUrl) {
        Map<String, List<AssetFileEntity>> byAsset = assets.isEmpty() ? Map.of()
                : files.findByAssetRowInOrderByCreateTime(assets.stream().map(AssetEntity::getId).toList())
                        .stream().collect(Collectors.groupingBy(AssetFileEntity::getAssetRow));
        return assets.stream().map(a -> view(a, byAsset.getOrDefault(a.getId(), List.of()), baseUrl)).toList();
    }

    private AssetViews.Asset view(AssetEntity asset, List<AssetFileEntity> assetFiles, String baseUrl) {
        List<AssetViews.File> fileViews = assetFiles.stream()
                .filter(f -> f.getState() != FileState.DELETED)
                .map(f -> file(f, baseUrl)).toList();
        List<SystemProperty> properties = asset.getSystemProperties().stream()
                .map(p -> new SystemProperty(null, SystemPropertyKey.valueOf(p.key()), p.value())).toList();
        return new AssetViews.Asset(
                asset.isSystem() ? null : asset.getProjectId(),
                asset.getAssetId(),
                asset.getAssetName(),
                asset.getAssetDescription(),
                asset.getAppUserId(),
                ApiTime.format(asset.getCreateTime()),
                ApiTime.format(asset.getUpdateTime()),
                asset.getAssetType(),
                asset.getAssetState(),
                asset.getAssetState() == AssetState.FAILED ? asset.getFailType() : null,
                asset.getReason(),
                List.copyOf(asset.getTags()),
                asset.getAssetType() == AssetType.HUMAN_MODEL
                        ? (asset.getExtraMeta() == null ? AssetExtraMeta.empty() : asset.getExtraMeta())
                                .withHumanModelDefaults()
                        : asset.getExtraMeta(),
                properties,
                fileViews,
                asset.getAssetOrder(),
                List.copyOf(asset.getSupportedServices()));
    }

    public AssetViews.File file(AssetFileEntity file, String baseUrl) {
        String url = file.getState() == FileState.CREATED
                ? store.downloadUrl(file.getObjectKey(), storage.downloadUrlValidity(), file.getFileName(), baseUrl)
                : null;
        AssetViews.FileExtraMeta extra = file.getTranscodingStatus() == null ? null
                : new AssetViews.FileExtraMeta(file.getTranscodingStatus());
        return new AssetViews.File(file.getFileId(), file.getFileName(), file.getFileMd5(), file.getFileSize(),
                file.getFileType(), file.getAssetFileCategory(), url, file.getState(), file.getReason(), extra);
    }

    /** The cover (or for images, the picture itself) for summaries and job outputs. */
    public String coverUrl(AssetEntity asset, String baseUrl) {
        List<AssetFileEntity> assetFiles = files.findByAssetRowOrderByCreateTime(asset.getId());
        return assetFiles.stream()
                .filter(f -> f.getState() == FileState.CREATED && f.getAssetFileCategory() == FileCategory.COVER)
                .findFirst()
                .or(() -> asset.getAssetType() == AssetType.IMAGE ? assetFiles.stream()
                        .filter(f -> f.getState() == FileState.CREATED && f.getAssetFileCategory() == FileCategory.MAIN)
                        .findFirst() : java.util.Optional.empty())
                .map(f -> store.downloadUrl(f.getObjectKey(), storage.downloadUrlValidity(), f.getFileName(), baseUrl))
                .orElse(null);
    }
}

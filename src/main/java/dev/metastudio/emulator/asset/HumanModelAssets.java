package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.asset.meta.HumanModel2dMeta;
import dev.metastudio.emulator.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The asset a finished image-model training job produces (reference 8.1: "name ... is used as its name in the asset
 * library"): a project's own HUMAN_MODEL_2D, ACTIVED, with the training footage as its MAIN file and a cover and
 * thumbnail cut from it. Tenants cannot create this type through 4.1 (AssetValidation); only training can.
 */
@Component
public class HumanModelAssets {

    /**
     * What training learned: the framing and the face found in the footage ({@code face}: x, y, width, height in its
     * pixels), so the renderer shows the footage as the presenter; without a face, a built-in {@code look}.
     */
    public record Trained(String projectId, String appUserId, String name, List<String> tags,
                          List<String> supportedServices, String modelResolution, boolean flexus,
                          String look, String framing, int[] face, Path footage, Path cover, Path thumbnail) {
    }

    private final AssetRepository assets;
    private final AssetFileRepository files;
    private final AssetPurger purger;
    private final ObjectStore store;
    private final TransactionTemplate tx;
    private final Clock clock;

    HumanModelAssets(AssetRepository assets, AssetFileRepository files, AssetPurger purger, ObjectStore store,
                     TransactionTemplate tx, Clock clock) {
        this.assets = assets;
        this.files = files;
        this.purger = purger;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    /** Stores the files and creates the asset; returns its asset_id. */
    public String create(Trained t) throws IOException {
        Instant now = clock.instant();
        AssetEntity asset = new AssetEntity();
        asset.setId(UUID.randomUUID().toString());
        asset.setAssetId(UUID.randomUUID().toString());
        asset.setProjectId(t.projectId());
        asset.setAssetSource("CUSTOMIZATION");
        asset.setAssetName(t.name());
        asset.setAssetDescription("Virtual avatar model trained from the tenant's video");
        asset.setAssetType(AssetType.HUMAN_MODEL_2D);
        asset.setAssetState(AssetState.ACTIVED);
        asset.setAppUserId(t.appUserId());
        asset.setCreateTime(now);
        asset.setUpdateTime(now);
        asset.setTags(t.tags() == null ? List.of() : t.tags());
        asset.setSupportedServices(t.supportedServices());
        asset.setEngineBinding((t.face() != null && t.face().length == 4
                ? new EngineBinding.Footage(t.framing(), t.face()[0], t.face()[1], t.face()[2], t.face()[3])
                : new EngineBinding.Avatar(t.look(), t.framing())).encode());
        asset.applyExtraMeta(AssetExtraMeta.empty().withHumanModel2dMeta(new HumanModel2dMeta(false,
                false, t.supportedServices().contains(SupportedService.LIVE_2D.name()),
                HumanModel2dMeta.ModelVersion.V3_2, t.modelResolution(), List.of(), false, List.of(), t.flexus())));
        List<AssetFileEntity> rows = new ArrayList<>();
        rows.add(file(asset, FileCategory.MAIN, "training_video.mp4", "mp4", t.footage(), now));
        rows.add(file(asset, FileCategory.COVER, "cover.jpg", "jpg", t.cover(), now));
        rows.add(file(asset, FileCategory.OTHER, "thumbnail.jpg", "jpg", t.thumbnail(), now));
        List<String> keys = rows.stream().map(AssetFileEntity::getObjectKey).toList();
        try {
            for (AssetFileEntity row : rows) {
                Path source = row.getAssetFileCategory() == FileCategory.MAIN ? t.footage()
                        : row.getFileName().startsWith("cover") ? t.cover() : t.thumbnail();
                store.put(row.getObjectKey(), source, row.getFileType().equals("mp4") ? "video/mp4" : "image/jpeg");
            }
            tx.executeWithoutResult(status -> {
                assets.save(asset);
                files.saveAll(rows);
            });
        } catch (IOException | RuntimeException e) {
            for (String key : keys) {
                try {
                    store.delete(key);
                } catch (IOException ignored) {
                    // Best effort: nothing refers to these objects.
                }
            }
            throw e;
        }
        return asset.getAssetId();
    }

    /** Removes the asset and its files for good (the job that made it was deleted: reference 8.4). */
    public void deletePermanently(String projectId, String assetId) {
        tx.executeWithoutResult(status -> assets.findByProjectIdAndAssetId(projectId, assetId).ifPresent(asset -> {
            AssetTransitions.deletePermanently(asset, clock.instant());
            purger.purgeFilesAfterCommit(asset);
        }));
    }

    private AssetFileEntity file(AssetEntity asset, FileCategory category, String name, String type, Path source,
                                 Instant now) throws IOException {
        AssetFileEntity file = new AssetFileEntity();
        file.setFileId(UUID.randomUUID().toString());
        file.setAssetRow(asset.getId());
        file.setProjectId(asset.getProjectId());
        file.setFileName(name);
        file.setFileType(type);
        file.setAssetFileCategory(category);
        file.setState(FileState.CREATED);
        file.setObjectKey(FileRules.objectKey(asset.getProjectId(), asset, file.getFileId(), type));
        file.setFileSize(Files.size(source));
        file.setFileMd5(FileDigests.md5Base64(source));
        file.setCreateTime(now);
        file.setUpdateTime(now);
        return file;
    }
}

package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.asset.meta.MediaMetas;
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

/**
 * Videos the platform produces become VIDEO assets of the caller's project, classified CREATED_BY_PLATFORM as the
 * reference says: their files are stored first, then the asset rows are written in the job's final transaction (or
 * the stored files are discarded when the job's result is).
 */
@Component
public class PlatformVideos {
    private final AssetRepository assets;
    private final AssetFileRepository files;
    private final ObjectStore store;
    private final Clock clock;

    PlatformVideos(AssetRepository assets, AssetFileRepository files, ObjectStore store, Clock clock) {
        this.assets = assets;
        this.files = files;
        this.store = store;
        this.clock = clock;
    }

    /** A file the platform made: its category, type and local bytes. */
    public record Output(FileCategory category, String fileType, String contentType, Path file) {
    }

    /** Files stored under a not yet created asset. */
    public record Stored(String projectId, String assetRow, String assetId, List<AssetFileEntity> files) {
    }

    public Stored store(String projectId, String outputName, List<Output> outputs) throws IOException {
        String row = UUID.randomUUID().toString();
        String assetId = UUID.randomUUID().toString();
        List<AssetFileEntity> stored = new ArrayList<>();
        Instant now = clock.instant();
        AssetEntity keyOwner = new AssetEntity();
        keyOwner.setId(row);
        for (Output output : outputs) {
            AssetFileEntity file = new AssetFileEntity();
            file.setFileId(UUID.randomUUID().toString());
            file.setAssetRow(row);
            file.setProjectId(projectId);
            file.setFileName(safeName(outputName) + suffix(output.category()) + "." + output.fileType());
            file.setFileType(output.fileType());
            file.setAssetFileCategory(output.category());
            file.setState(FileState.CREATED);
            file.setObjectKey(FileRules.objectKey(projectId, keyOwner, file.getFileId(), output.fileType()));
            file.setFileSize(Files.size(output.file()));
            file.setFileMd5(FileDigests.md5Base64(output.file()));
            file.setCreateTime(now);
            file.setUpdateTime(now);
            if (output.category() == FileCategory.MAIN) {
                file.setTranscodingStatus(MediaMetas.TranscodingStatus.SUCCEEDED.name());
            }
            store.put(file.getObjectKey(), output.file(), output.contentType());
            stored.add(file);
        }
        return new Stored(projectId, row, assetId, stored);
    }

    /** Writes the asset and its files; call inside the transaction that records the job's success. */
    public String commit(Stored stored, String name, String appUserId, MediaMetas.VideoMeta meta) {
        Instant now = clock.instant();
        AssetEntity asset = new AssetEntity();
        asset.setId(stored.assetRow());
        asset.setAssetId(stored.assetId());
        asset.setProjectId(stored.projectId());
        asset.setAssetSource("CUSTOMIZATION");
        asset.setAssetName(name);
        asset.setAssetType(AssetType.VIDEO);
        asset.setAssetState(AssetState.ACTIVED);
        asset.setAppUserId(appUserId);
        asset.setSystemProperties(List.of(new AssetEntity.PropertyValue("CREATED_BY_PLATFORM", "Yes"),
                new AssetEntity.PropertyValue("DIGITAL_HUMAN_2D_VIDEO", "Yes")));
        asset.setSupportedServices(List.of());
        asset.applyExtraMeta(AssetExtraMeta.empty().withVideoMeta(meta));
        asset.setCreateTime(now);
        asset.setUpdateTime(now);
        assets.save(asset);
        files.saveAll(stored.files());
        return stored.assetId();
    }

    public void discard(Stored stored) {
        for (AssetFileEntity file : stored.files()) {
            try {
                store.delete(file.getObjectKey());
            } catch (IOException | RuntimeException ignored) {
                // Orphaned bytes of a discarded result; nothing refers to them.
            }
        }
    }

    private static String suffix(FileCategory category) {
        return switch (category) {
            case COVER -> "_cover";
            case OTHER -> "_subtitles";
            default -> "";
        };
    }

    /** The output name as a file name: path separators and control characters dropped, kept short. */
    private static String safeName(String name) {
        String cleaned = name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            cleaned = "video";
        }
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }
}

package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.storage.IncompleteUploadException;
import dev.metastudio.emulator.storage.MultipartUpload;
import dev.metastudio.emulator.storage.ObjectInfo;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.storage.StorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upload handshake of reference 4.2: a file record and a presigned URL, the client's PUT straight to the
 * store, then {@code complete}, which checks what was stored against what was declared before the asset may use it.
 */
@Service
public class FileService {
    private final AssetLookup lookup;
    private final AssetRepository assets;
    private final AssetFileRepository files;
    private final ObjectStore store;
    private final StorageProperties storage;
    private final MediaIngest ingest;
    private final AssetPurger purger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxCreatingFiles;

    FileService(AssetLookup lookup, AssetRepository assets, AssetFileRepository files, ObjectStore store,
                StorageProperties storage, MediaIngest ingest, AssetPurger purger, TransactionTemplate tx, Clock clock,
                EmulatorProperties properties) {
        this.maxCreatingFiles = properties.limits().maxCreatingFilesPerAsset();
        this.lookup = lookup;
        this.assets = assets;
        this.files = files;
        this.store = store;
        this.storage = storage;
        this.ingest = ingest;
        this.purger = purger;
        this.tx = tx;
        this.clock = clock;
    }

    public AssetViews.FileCreated create(String projectId, FileRequests.Create body, String baseUrl) {
        Check.required(body, "request body");
        FileRules.checkName(body.fileName());
        long size = Check.range(Check.required(body.fileSize(), "file_size"), 1, FileRules.MAX_FILE_SIZE, "file_size");
        // L3250: file_md5 is mandatory, "Base64-encoded 128-bit MD5 digest ... The value contains 24 characters".
        String md5 = FileRules.md5AsBase64(Check.requiredText(body.fileMd5(), "file_md5"));
        AssetFileEntity file = tx.execute(status -> {
            AssetEntity asset = writableAsset(projectId, body.assetId());
            FileCategory category = category(body.assetFileCategory(), asset.getAssetType(), false);
            String type = FileRules.fileType(body.fileType(), body.fileName());
            FileRules.checkFormat(asset.getAssetType(), category, type);
            FileRules.checkSize(asset.getAssetType(), category, size);
            AssetFileEntity created = newFile(projectId, asset, category, body.fileName(), type, size);
            // Stored and echoed in the documented 24-character form (L1458), whatever spelling was accepted.
            created.setFileMd5(md5);
            return files.save(created);
        });
        String url = store.uploadUrl(file.getObjectKey(), storage.uploadUrlValidity(), md5, size, baseUrl);
        return new AssetViews.FileCreated(file.getFileId(), url);
    }

    public AssetViews.LargeFileCreated createLarge(String projectId, FileRequests.CreateLarge body, String baseUrl) {
        Check.required(body, "request body");
        FileRules.checkName(body.fileName());
        Check.range(body.fileSize(), 1, FileRules.MAX_LARGE_FILE_SIZE, "file_size");
        int parts = Check.range(body.fileMultipartCount() == null ? 1 : body.fileMultipartCount(), 1, 100,
                "file_multipart_count");
        AssetFileEntity file = tx.execute(status -> {
            AssetEntity asset = writableAsset(projectId, body.assetId());
            FileCategory category = category(body.assetFileCategory(), asset.getAssetType(), true);
            String type = FileRules.fileType(body.fileType(), body.fileName());
            FileRules.checkFormat(asset.getAssetType(), category, type);
            AssetFileEntity created = newFile(projectId, asset, category, body.fileName(), type, body.fileSize());
            created.setMultipartCount(parts);
            created.setMultipartUploadId("pending");
            return files.save(created);
        });
        MultipartUpload upload = store.startMultipart(file.getObjectKey(), parts, storage.uploadUrlValidity(),
                body.fileSize(), baseUrl);
        tx.executeWithoutResult(status -> files.findById(file.getFileId())
                .ifPresent(f -> f.setMultipartUploadId(upload.uploadId())));
        return new AssetViews.LargeFileCreated(file.getFileId(), upload.partUrls());
    }

    /**
     * CREATED is accepted only when the store holds the object and it matches the declared size and MD5; a
     * mismatch fails the file (and an asset whose main file it is) and is refused. The main file of a media asset
     * is then probed, which decides whether the asset becomes ACTIVED or FAILED.
     */
    public void complete(String projectId, String fileId, FileRequests.Complete body) {
        FileRequests.Complete.Outcome outcome = Check.required(body == null ? null : body.state(), "state");
        // The upload URLs stop taking bytes before the stored object is checked, so what is verified stays stored.
        AtomicReference<String> closed = new AtomicReference<>();
        ApiException refusal;
        try {
            refusal = tx.execute(status -> {
                AssetFileEntity file = files.findByFileIdAndProjectId(fileId, projectId)
                        .filter(f -> f.getState() != FileState.DELETED)
                        .orElseThrow(() -> new ApiException(404, AssetCodes.FILE_NOT_FOUND, "Asset file not found: " + fileId));
                if (file.getState() != FileState.CREATING) {
                    throw new ApiException(400, AssetCodes.INVALID_CHANGE, "Invalid file status change: file "
                            + fileId + " is already " + file.getState());
                }
                closeUploads(file.getObjectKey());
                closed.set(file.getObjectKey());
                AssetEntity asset = assets.findById(file.getAssetRow()).orElseThrow();
                switch (outcome) {
                    case CANCELLED -> mark(file, FileState.CANCELLED, "upload cancelled by the user", null);
                    case FAILED -> mark(file, FileState.FAILED, "upload reported FAILED by the user",
                            isMain(file) ? asset : null);
                    case CREATED -> {
                        return verifyStored(file, asset);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            reopenUploads(closed.get());
            throw e;
        }
        if (refusal != null && AssetCodes.NOT_IN_STORE.equals(refusal.code())) {
            // Nothing changed: the client may still upload and confirm again.
            reopenUploads(closed.get());
        }
        if (refusal != null) {
            throw refusal;
        }
        if (outcome == FileRequests.Complete.Outcome.CREATED) {
            ingest.ingest(fileId);
        }
    }

    public void delete(String projectId, String fileId) {
        tx.executeWithoutResult(status -> {
            AssetFileEntity file = files.findByFileIdAndProjectId(fileId, projectId)
                    .filter(f -> f.getState() != FileState.DELETED)
                    .orElseThrow(() -> new ApiException(404, AssetCodes.FILE_NOT_FOUND, "Asset file not found: " + fileId));
            AssetEntity asset = assets.findById(file.getAssetRow()).orElseThrow();
            if (isMain(file) && asset.getAssetState().inUse()) {
                // Without its main file an asset is back to having no main file uploaded.
                asset.setAssetState(AssetState.CREATING);
                asset.setUpdateTime(clock.instant());
            }
            files.delete(file);
            purger.afterCommit(List.of(file.getObjectKey()));
        });
    }

    private void closeUploads(String key) {
        try {
            store.closeUploads(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reopenUploads(String key) {
        if (key == null) {
            return;
        }
        try {
            store.reopenUploads(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiException verifyStored(AssetFileEntity file, AssetEntity asset) {
        try {
            if (file.isMultipart()) {
                try {
                    store.completeMultipart(file.getObjectKey(), file.getMultipartUploadId());
                } catch (IncompleteUploadException e) {
                    // Nothing changes: the client may upload the missing parts and confirm again.
                    return new ApiException(400, AssetCodes.NOT_IN_STORE, "The file does not exist in OBS: the multipart upload of"
                            + " file " + file.getFileId() + " is incomplete (" + e.getMessage() + ")");
                }
            }
            Optional<ObjectInfo> stored = store.stat(file.getObjectKey());
            if (stored.isEmpty()) {
                // Nothing changes: the client may still upload and confirm again.
                return new ApiException(400, AssetCodes.NOT_IN_STORE, "The file does not exist in OBS: nothing was uploaded to"
                        + " the upload URL of file " + file.getFileId());
            }
            ObjectInfo info = stored.get();
            if (file.getFileSize() != null && info.size() != file.getFileSize()) {
                return mismatch(file, asset, "uploaded " + info.size() + " bytes but file_size declared "
                        + file.getFileSize());
            }
            String declared = file.getFileMd5() == null ? null : FileRules.md5AsBase64(file.getFileMd5());
            if (declared != null && info.md5Base64() != null && !declared.equals(info.md5Base64())) {
                return mismatch(file, asset, "the uploaded content's MD5 " + info.md5Base64()
                        + " differs from file_md5 " + file.getFileMd5());
            }
            if (file.getFileSize() == null) {
                file.setFileSize(info.size());
            }
            if (file.getFileMd5() == null && info.md5Base64() != null) {
                file.setFileMd5(info.md5Base64());
            }
            file.setState(FileState.CREATED);
            file.setUpdateTime(clock.instant());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails the file (and the asset it is the main file of), removes the bytes that do not match, and returns the
     * refusal to answer with: the same end state as a main file whose content is invalid (MediaIngest.fail).
     */
    private ApiException mismatch(AssetFileEntity file, AssetEntity asset, String reason) {
        mark(file, FileState.FAILED, reason, isMain(file) ? asset : null);
        purger.afterCommit(List.of(file.getObjectKey()));
        return ApiException.invalid("file " + file.getFileId(), "does not match its declaration: " + reason);
    }

    /** Records the file's end state, and the asset's failure when its main file failed. */
    private void mark(AssetFileEntity file, FileState state, String reason, AssetEntity failingAsset) {
        Instant now = clock.instant();
        file.setState(state);
        file.setReason(reason);
        file.setUpdateTime(now);
        if (failingAsset != null && failingAsset.getAssetState() == AssetState.CREATING) {
            failingAsset.setAssetState(AssetState.FAILED);
            failingAsset.setFailType("AUTOMATIC_REVIEW_REJECT");
            failingAsset.setReason("Main file " + file.getFileId() + " failed: " + reason);
            failingAsset.setUpdateTime(now);
        }
    }

    private AssetEntity writableAsset(String projectId, String assetId) {
        AssetEntity asset = lookup.owned(projectId, Check.requiredText(assetId, "asset_id"));
        if (asset.getAssetState() == AssetState.DELETING) {
            throw new ApiException(400, AssetCodes.ASSET_UNAVAILABLE, "Asset unavailable: asset " + assetId + " is in the recycle bin");
        }
        return asset;
    }

    private FileCategory category(String value, AssetType assetType, boolean large) {
        String given = Check.requiredText(value, "asset_file_category");
        FileCategory category;
        try {
            category = FileCategory.valueOf(given);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("asset_file_category", "must be one of "
                    + java.util.Arrays.toString(FileCategory.values()) + ", got '" + given + "'");
        }
        boolean allowed = large ? category == FileCategory.MAIN || category == FileCategory.OTHER
                : FileCategory.allowedFor(assetType).contains(category);
        if (!allowed) {
            // L16694 MSS.10001048 "{0} files are not supported."
            throw new ApiException(400, AssetCodes.UNSUPPORTED_CATEGORY, category + " files are not supported:"
                    + " asset_file_category " + category + " is not a file category of "
                    + (large ? "large files (MAIN, OTHER)" : assetType + " assets " + FileCategory.allowedFor(assetType)));
        }
        return category;
    }

    private AssetFileEntity newFile(String projectId, AssetEntity asset, FileCategory category, String name,
                                    String type, Long size) {
        List<AssetFileEntity> existing = files.findByAssetRowOrderByCreateTime(asset.getId());
        // L16677 MSS.10001033 "Too many files are being created ... confirm them or delete unnecessary ones": a limit
        // on the files still CREATING (the reference gives no number; METASTUDIO_LIMITS_MAX_CREATING_FILES_PER_ASSET).
        // Files confirmed, failed or cancelled do not count; before issue 13 every file of the asset counted.
        long creating = existing.stream().filter(f -> f.getState() == FileState.CREATING).count();
        if (creating >= maxCreatingFiles) {
            throw new ApiException(400, AssetCodes.TOO_MANY_FILES, "Too many files are being created: asset "
                    + asset.getAssetId() + " has " + creating + " files not yet confirmed (this emulator allows "
                    + maxCreatingFiles + ", METASTUDIO_LIMITS_MAX_CREATING_FILES_PER_ASSET); confirm them or delete"
                    + " unnecessary ones");
        }
        boolean slotTaken = existing.stream()
                .anyMatch(f -> f.getAssetFileCategory() == category && f.getState().occupiesSlot());
        if (slotTaken && category == FileCategory.MAIN) {
            throw new ApiException(400, AssetCodes.MAIN_EXISTS, "The main asset file already exists: asset "
                    + asset.getAssetId() + " can have only one main file");
        }
        if (slotTaken && category == FileCategory.COVER) {
            throw new ApiException(400, AssetCodes.COVER_EXISTS, "The asset thumbnail file already exists for asset "
                    + asset.getAssetId());
        }
        Instant now = clock.instant();
        if (category == FileCategory.MAIN && asset.getAssetState() == AssetState.FAILED) {
            // A new main file gives a failed asset another chance.
            asset.setAssetState(AssetState.CREATING);
            asset.setFailType(null);
            asset.setReason(null);
            asset.setUpdateTime(now);
        }
        AssetFileEntity file = new AssetFileEntity();
        file.setFileId(UUID.randomUUID().toString());
        file.setAssetRow(asset.getId());
        file.setProjectId(projectId);
        file.setFileName(name);
        file.setFileType(type);
        file.setFileSize(size);
        file.setAssetFileCategory(category);
        file.setState(FileState.CREATING);
        file.setObjectKey(FileRules.objectKey(projectId, asset, file.getFileId(), type));
        file.setCreateTime(now);
        file.setUpdateTime(now);
        return file;
    }

    private static boolean isMain(AssetFileEntity file) {
        return file.getAssetFileCategory() == FileCategory.MAIN;
    }
}

package dev.metastudio.emulator.asset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.ServerSecrets;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reference 4.1.9/4.1.10: the source side hands out the asset's identity sealed with AES-128-GCM; the destination
 * project presents it back and receives a copy of the asset (same asset_id, as a copy to another region would keep)
 * with copies of its files.
 */
@Component
class AssetReplication {
    static final String ALGORITHM = "AES128_GCM";
    static final String KEY_ID = "1";
    static final Duration VALIDITY = Duration.ofHours(24);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sealed(String projectId, String assetId, long expireTime) {
    }

    private final AssetLookup lookup;
    private final AssetRepository assets;
    private final AssetFileRepository files;
    private final ObjectStore store;
    private final ServerSecrets secrets;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path scratch;
    private final SecureRandom random = new SecureRandom();

    AssetReplication(AssetLookup lookup, AssetRepository assets, AssetFileRepository files, ObjectStore store,
                     ServerSecrets secrets, TransactionTemplate tx, Clock clock, EmulatorProperties properties) {
        this.lookup = lookup;
        this.assets = assets;
        this.files = files;
        this.store = store;
        this.secrets = secrets;
        this.tx = tx;
        this.clock = clock;
        this.scratch = properties.dataDir().resolve("tmp");
    }

    AssetRequests.Replication info(String projectId, String assetId) {
        AssetEntity asset = lookup.owned(projectId, assetId);
        if (!asset.getAssetState().inUse()) {
            throw new ApiException(400, AssetCodes.ASSET_UNAVAILABLE, "Asset unavailable: only ACTIVED or UNACTIVED assets can be"
                    + " copied; asset " + assetId + " is " + asset.getAssetState());
        }
        long expire = clock.instant().plus(VALIDITY).toEpochMilli();
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        try {
            byte[] plain = JSON.writeValueAsBytes(new Sealed(projectId, assetId, expire));
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv).doFinal(plain);
            return new AssetRequests.Replication(assetId, Base64.getEncoder().encodeToString(sealed),
                    new AssetRequests.EncryptionInfo(ALGORITHM, KEY_ID, Base64.getEncoder().encodeToString(iv)), expire);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void copy(String targetProject, String appUserId, AssetRequests.Replication body) {
        Sealed sealed = open(body);
        List<Runnable> objectCopies = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            AssetEntity source = assets.findByProjectIdAndAssetId(sealed.projectId(), sealed.assetId())
                    .filter(a -> a.getAssetState().inUse())
                    .orElseThrow(() -> new ApiException(404, ErrorCodes.NOT_FOUND, "Not Found: the asset to copy, "
                            + sealed.assetId() + ", no longer exists or is not usable"));
            if (assets.findByProjectIdAndAssetId(targetProject, sealed.assetId()).isPresent()) {
                throw ApiException.invalid("asset_id", sealed.assetId() + " already exists in project " + targetProject);
            }
            AssetEntity copy = duplicate(source, targetProject, appUserId);
            assets.save(copy);
            for (AssetFileEntity file : files.findByAssetRowOrderByCreateTime(source.getId())) {
                if (file.getState() == FileState.CREATED) {
                    AssetFileEntity fileCopy = duplicate(file, copy, targetProject);
                    files.save(fileCopy);
                    objectCopies.add(() -> copyObject(file.getObjectKey(), fileCopy.getObjectKey()));
                }
            }
        });
        objectCopies.forEach(Runnable::run);
    }

    private Sealed open(AssetRequests.Replication body) {
        if (body == null || body.assetInfo() == null || body.assetInfo().isBlank() || body.encryptionInfo() == null
                || body.encryptionInfo().iv() == null || body.encryptionInfo().iv().isBlank()) {
            throw ApiException.invalid("asset_info", "and encryption_info.iv are required: pass the body of"
                    + " GET .../replication-info unchanged");
        }
        if (body.encryptionInfo().algorithm() != null && !ALGORITHM.equals(body.encryptionInfo().algorithm())) {
            throw ApiException.invalid("encryption_info.algorithm", "must be " + ALGORITHM);
        }
        Sealed sealed;
        try {
            byte[] iv = Base64.getDecoder().decode(body.encryptionInfo().iv());
            byte[] plain = cipher(Cipher.DECRYPT_MODE, iv).doFinal(Base64.getDecoder().decode(body.assetInfo()));
            sealed = JSON.readValue(plain, Sealed.class);
        } catch (IllegalArgumentException | GeneralSecurityException | IOException | ProviderException e) {
            // ProviderException: a ciphertext shorter than its authentication tag.
            throw ApiException.invalid("asset_info", "cannot be decrypted: it was altered or not issued by this service");
        }
        if (body.assetId() != null && !body.assetId().equals(sealed.assetId())) {
            throw ApiException.invalid("asset_id", "does not match the sealed asset_info");
        }
        if (clock.instant().toEpochMilli() > sealed.expireTime()) {
            throw ApiException.invalid("expire_time", "the replication info expired at "
                    + Instant.ofEpochMilli(sealed.expireTime()) + "; query it again");
        }
        return sealed;
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        byte[] key = Arrays.copyOf(secrets.get("asset-replication"), 16);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        return cipher;
    }

    private AssetEntity duplicate(AssetEntity source, String targetProject, String appUserId) {
        Instant now = clock.instant();
        AssetEntity copy = new AssetEntity();
        copy.setId(UUID.randomUUID().toString());
        copy.setAssetId(source.getAssetId());
        copy.setProjectId(targetProject);
        copy.setAssetSource("CUSTOMIZATION");
        copy.setAssetName(source.getAssetName());
        copy.setAssetDescription(source.getAssetDescription());
        copy.setAssetType(source.getAssetType());
        copy.setAssetState(source.getAssetState());
        copy.setAppUserId(appUserId);
        copy.setAssetOrder(source.getAssetOrder());
        copy.setReviewConfig(source.getReviewConfig());
        copy.setEngineBinding(source.getEngineBinding());
        copy.setTags(source.getTags());
        copy.setSystemProperties(source.getSystemProperties().stream()
                .map(p -> new AssetEntity.PropertyValue(p.key(), p.value())).toList());
        copy.setSupportedServices(source.getSupportedServices());
        copy.applyExtraMeta(source.getExtraMeta());
        copy.setCreateTime(now);
        copy.setUpdateTime(now);
        return copy;
    }

    private AssetFileEntity duplicate(AssetFileEntity file, AssetEntity asset, String targetProject) {
        AssetFileEntity copy = new AssetFileEntity();
        copy.setFileId(UUID.randomUUID().toString());
        copy.setAssetRow(asset.getId());
        copy.setProjectId(targetProject);
        copy.setFileName(file.getFileName());
        copy.setFileMd5(file.getFileMd5());
        copy.setFileSize(file.getFileSize());
        copy.setFileType(file.getFileType());
        copy.setAssetFileCategory(file.getAssetFileCategory());
        copy.setState(FileState.CREATED);
        copy.setTranscodingStatus(file.getTranscodingStatus());
        copy.setObjectKey(FileRules.objectKey(targetProject, asset, copy.getFileId(), file.getFileType()));
        copy.setCreateTime(clock.instant());
        copy.setUpdateTime(clock.instant());
        return copy;
    }

    private void copyObject(String from, String to) {
        try {
            Files.createDirectories(scratch);
            Path local = store.localFile(from, scratch);
            try {
                store.put(to, local, null);
            } finally {
                if (local.startsWith(scratch)) {
                    Files.deleteIfExists(local);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

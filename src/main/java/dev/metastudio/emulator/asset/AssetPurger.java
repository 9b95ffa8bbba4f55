package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.storage.ObjectStore;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes stored bytes once the database change that orphans them has committed, so a rolled-back delete never
 * loses data.
 */
@Component
class AssetPurger {
    private static final Logger LOG = LoggerFactory.getLogger(AssetPurger.class);

    private final AssetFileRepository files;
    private final ObjectStore store;

    AssetPurger(AssetFileRepository files, ObjectStore store) {
        this.files = files;
        this.store = store;
    }

    /** Marks the asset's files deleted now and removes their objects after commit. */
    void purgeFilesAfterCommit(AssetEntity asset) {
        List<AssetFileEntity> assetFiles = files.findByAssetRowOrderByCreateTime(asset.getId());
        assetFiles.forEach(f -> f.setState(FileState.DELETED));
        afterCommit(assetFiles.stream().map(AssetFileEntity::getObjectKey).toList());
    }

    void afterCommit(List<String> keys) {
        Runnable purge = () -> keys.forEach(this::deleteQuietly);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    purge.run();
                }
            });
        } else {
            purge.run();
        }
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove object {}: {}", key, e.getMessage());
        }
    }
}

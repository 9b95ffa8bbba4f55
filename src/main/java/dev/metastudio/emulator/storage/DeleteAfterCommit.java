package dev.metastudio.emulator.storage;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes stored objects once the transaction that deleted their rows has committed (at once outside a
 * transaction), before the caller answers: a rolled-back reset keeps its bytes, and a committed one leaves no object
 * behind, so the presigned URLs handed out for them stop serving.
 */
public final class DeleteAfterCommit {
    private static final Logger LOG = LoggerFactory.getLogger(DeleteAfterCommit.class);
    /** Removing an object is a handful of file operations (or one S3 call): a few at a time hide their latency. */
    private static final int PARALLEL = 4;
    private static final int PARALLEL_FROM = 32;

    private DeleteAfterCommit() {
    }

    /**
     * {@code closeUploads}: also close the keys' upload URLs (objects clients uploaded), so an upload URL still in a
     * client's hands cannot put bytes back under a removed key, where an old download URL would serve them again.
     */
    public static void objects(ObjectStore store, Collection<String> keys, boolean closeUploads) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> copy = List.copyOf(keys);
        Runnable purge = () -> removeAll(store, copy, closeUploads);
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

    private static void removeAll(ObjectStore store, List<String> keys, boolean closeUploads) {
        if (keys.size() < PARALLEL_FROM) {
            keys.forEach(key -> remove(store, key, closeUploads));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            keys.forEach(key -> pool.execute(() -> remove(store, key, closeUploads)));
        } finally {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                    LOG.warn("Removing {} objects takes longer than 10 minutes; the rest go on in the background",
                            keys.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void remove(ObjectStore store, String key, boolean closeUploads) {
        try {
            store.delete(key);
            if (closeUploads) {
                store.closeUploads(key);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove object {}: {}", key, e.getMessage());
        }
    }
}

package dev.metastudio.emulator.storage;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes stored objects once the transaction that deleted their rows has committed (at once outside a
 * transaction): a rolled-back reset keeps its bytes, and a committed one leaves no object behind, so the presigned
 * URLs handed out for them stop serving. Their upload URLs are closed too: an upload still in a client's hands must
 * not put bytes back under a removed key (where an old download URL would serve them again).
 */
public final class DeleteAfterCommit {
    private static final Logger LOG = LoggerFactory.getLogger(DeleteAfterCommit.class);

    private DeleteAfterCommit() {
    }

    public static void objects(ObjectStore store, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> copy = List.copyOf(keys);
        Runnable purge = () -> copy.forEach(key -> {
            try {
                store.delete(key);
                store.closeUploads(key);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not remove object {}: {}", key, e.getMessage());
            }
        });
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
}

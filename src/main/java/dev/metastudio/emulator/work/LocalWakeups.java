package dev.metastudio.emulator.work;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Same-node shortcuts around the database: idle workers wake when work is queued here, and the heartbeat polls
 * at once when a signal is given here, each after the transaction that makes it visible commits. Other nodes learn
 * of both by polling.
 */
@Component
class LocalWakeups {
    private final List<Runnable> queued = new CopyOnWriteArrayList<>();
    private final List<Runnable> signalled = new CopyOnWriteArrayList<>();

    void onQueued(Runnable listener) {
        queued.add(listener);
    }

    void onSignal(Runnable listener) {
        signalled.add(listener);
    }

    void queued() {
        afterCommit(() -> queued.forEach(Runnable::run));
    }

    void signalled() {
        afterCommit(() -> signalled.forEach(Runnable::run));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}

package dev.metastudio.emulator.config;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * A counter of the read-write transactions this node committed (Spring Boot registers every
 * {@link TransactionExecutionListener} bean on the transaction manager). Read caches tag what they read with the
 * value before reading and drop it once the value moved, so this node's own writes are seen at once; writes on
 * other nodes reach a cache only through its time limit (see {@link ReadCache}).
 */
@Component
public class LocalWrites implements TransactionExecutionListener {
    private final AtomicLong generation = new AtomicLong();

    /** The current value; take it before reading what is cached. */
    public long generation() {
        return generation.get();
    }

    /** For writes that bypass the transaction manager (none on the cached data today) and for tests. */
    public void changed() {
        generation.incrementAndGet();
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable failure) {
        if (!transaction.isReadOnly()) {
            generation.incrementAndGet();
        }
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable failure) {
        // A rolled-back transaction changed nothing, but a failure of the rollback itself leaves that unknown.
        if (failure != null) {
            generation.incrementAndGet();
        }
    }
}

package dev.metastudio.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The read cache's rule: at most the time limit after the read, and never after a local write committed. */
class ReadCacheTest {
    private final LocalWrites writes = new LocalWrites();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ReadCache<String, String> cache = new ReadCache<>(writes, 1000, 3, nanos::get);
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String key) {
        return cache.get(key, () -> key + "#" + reads.incrementAndGet());
    }

    @Test
    void aValueIsServedUntilTheTimeLimitThenReadAgain() {
        assertThat(read("a")).isEqualTo("a#1");
        nanos.addAndGet(999_000_000L);
        assertThat(read("a")).as("within 1 s").isEqualTo("a#1");
        nanos.addAndGet(1_000_000L);
        assertThat(read("a")).as("1 s after the read: another node's write must show").isEqualTo("a#2");
    }

    @Test
    void aLocalWriteMakesEveryEntryStaleAtOnce() {
        read("a");
        read("b");
        writes.changed();
        assertThat(read("a")).isEqualTo("a#3");
        assertThat(read("b")).isEqualTo("b#4");
        assertThat(read("a")).isEqualTo("a#3");
    }

    @Test
    void aWriteCommittedDuringTheReadLeavesTheEntryStale() {
        assertThat(cache.get("a", () -> {
            writes.changed(); // committed by another thread while this one read the old row
            return "old";
        })).isEqualTo("old");
        assertThat(read("a")).isEqualTo("a#1");
    }

    @Test
    void readOnlyCommitsDoNotInvalidateAndReadWriteOnesDo() {
        read("a");
        writes.afterCommit(execution(true), null);
        assertThat(read("a")).isEqualTo("a#1");
        writes.afterCommit(execution(false), null);
        assertThat(read("a")).isEqualTo("a#2");
    }

    @Test
    void failuresAreNotCachedAndTheSizeIsBounded() {
        assertThatThrownBy(() -> cache.get("x", () -> {
            throw new IllegalStateException("not found");
        })).hasMessage("not found");
        assertThat(cache.size()).isZero();
        for (String key : new String[] {"a", "b", "c", "d", "e"}) {
            read(key);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    private static org.springframework.transaction.TransactionExecution execution(boolean readOnly) {
        return new org.springframework.transaction.TransactionExecution() {
            @Override
            public boolean isReadOnly() {
                return readOnly;
            }
        };
    }
}

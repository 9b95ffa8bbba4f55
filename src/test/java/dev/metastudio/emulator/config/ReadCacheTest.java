package dev.metastudio.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    @Test
    void concurrentMissesOfOneKeyShareOneRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = readingUntil(release, () -> "a#" + reads.incrementAndGet());
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> read("a"));
        awaitQueuedBehindTheRead(second);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("a#1");
        assertThat(second.get(5, TimeUnit.SECONDS)).as("served by the read in flight").isEqualTo("a#1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aMissAfterALocalWriteDoesNotJoinAReadThatBeganBeforeIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = readingUntil(release, () -> "old");
        writes.changed(); // this node committed a write after the first read began
        assertThat(read("a")).as("its own read, which sees the write").isEqualTo("a#1");
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("old");
        assertThat(read("a")).as("the old read is not served after the write: read again").isEqualTo("a#2");
    }

    @Test
    void aFailedReadFailsTheMissesThatJoinedItAndIsNotCached() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = readingUntil(release, () -> {
            throw new IllegalStateException("database down");
        });
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> read("a"));
        awaitQueuedBehindTheRead(second);
        release.countDown();
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("database down");
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("database down");
        assertThat(read("a")).isEqualTo("a#1");
    }

    /** A read of "a" on another thread, begun (in flight) when this returns, that finishes once released. */
    private CompletableFuture<String> readingUntil(CountDownLatch release, java.util.function.Supplier<String> result)
            throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> cache.get("a", () -> {
            reading.countDown();
            await(release);
            return result.get();
        }));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        return read;
    }

    /** The second caller either waits on the first read or, had it raced ahead, would have read itself (reads > 0). */
    private void awaitQueuedBehindTheRead(CompletableFuture<String> second) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!second.isDone() && System.nanoTime() < deadline && !waitingThreadSeen()) {
            Thread.sleep(5);
        }
        assertThat(second.isDone()).as("the second miss must wait for the read in flight").isFalse();
        assertThat(reads).as("no read of its own").hasValue(0);
    }

    private static boolean waitingThreadSeen() {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> java.util.Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().equals(ReadCache.class.getName())
                        && frame.getMethodName().equals("await")));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
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

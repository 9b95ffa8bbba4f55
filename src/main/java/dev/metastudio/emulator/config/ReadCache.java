package dev.metastudio.emulator.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A bounded cache of answers that are read often and change rarely (asset views, the system library), correct when
 * several nodes share one database. The rule: an entry is served for at most {@code ttlMillis} after it was read from
 * the database, and never once this node committed a read-write transaction after the read began
 * ({@link LocalWrites}). So a node sees its own writes at once and another node's writes within {@code ttlMillis}.
 * At most {@code maxEntries} entries are kept (past that the cache starts over), so memory stays flat under load.
 * Concurrent misses of one key share a single read when no local write came between them (a burst of clients at
 * expiry would otherwise all go to the database at once).
 */
public final class ReadCache<K, V> {
    private record Entry<V>(V value, long generation, long readAtNanos) {
    }

    /** A read in progress, and the write generation it began in. */
    private record Flight<V>(CompletableFuture<V> result, long generation) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, Flight<V>> flights = new ConcurrentHashMap<>();
    private final LocalWrites writes;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public ReadCache(LocalWrites writes, long ttlMillis, int maxEntries) {
        this(writes, ttlMillis, maxEntries, System::nanoTime);
    }

    ReadCache(LocalWrites writes, long ttlMillis, int maxEntries, LongSupplier nanoTime) {
        this.writes = writes;
        this.ttlNanos = ttlMillis * 1_000_000;
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The cached value when still valid, else {@code read}'s (an exception from it is not cached). */
    public V get(K key, Supplier<V> read) {
        long generation = writes.generation();
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.generation() == generation && now - entry.readAtNanos() < ttlNanos) {
            return entry.value();
        }
        Flight<V> mine = new Flight<>(new CompletableFuture<>(), generation);
        Flight<V> other = flights.putIfAbsent(key, mine);
        if (other != null && other.generation() == generation) {
            // Same generation: no local write was committed between that read's start and this request, so it sees
            // every write of this node that a read of our own would.
            return await(other.result());
        }
        if (other != null) {
            return read.get(); // a local write came in between: that read may predate it
        }
        try {
            // The generation was taken before the read: a write committed while reading leaves the entry stale.
            V value = read.get();
            if (value != null) {
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
                entries.put(key, new Entry<>(value, generation, now));
            }
            mine.result().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    private static <V> V await(CompletableFuture<V> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
    }
}

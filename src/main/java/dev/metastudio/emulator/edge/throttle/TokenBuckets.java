package dev.metastudio.emulator.edge.throttle;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One token bucket per key, refilled continuously at the key's rate and holding at most one second's worth. */
final class TokenBuckets {
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    boolean tryAcquire(String key, int perSecond, long nowNanos) {
        return buckets.computeIfAbsent(key, k -> new Bucket(perSecond, nowNanos)).tryAcquire(perSecond, nowNanos);
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(int capacity, long nowNanos) {
            this.tokens = capacity;
            this.updatedNanos = nowNanos;
        }

        synchronized boolean tryAcquire(int perSecond, long nowNanos) {
            double refill = (nowNanos - updatedNanos) / 1e9 * perSecond;
            tokens = Math.min(perSecond, tokens + Math.max(0, refill));
            updatedNanos = nowNanos;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}

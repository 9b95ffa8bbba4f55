package dev.metastudio.emulator.callback;

/** Where a callback delivery stands. PENDING and expired SENDING rows are due; DELIVERED and FAILED are final. */
public enum DeliveryState {
    /** Waiting for its first attempt or for a retry at {@code next_attempt_at}. */
    PENDING,
    /** Claimed by one node, which holds it until {@code lease_until}; after that any node may take it again. */
    SENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every allowed attempt failed. */
    FAILED
}

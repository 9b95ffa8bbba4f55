package dev.metastudio.emulator.callback;

import java.time.Instant;

/** One row of the callback outbox. {@code body} is the JSON text sent; {@code authKey} never leaves the server. */
record CallbackDelivery(
        String id,
        String projectId,
        String jobId,
        String url,
        Signing authType,
        String authKey,
        String body,
        DeliveryState state,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant createTime,
        Instant updateTime) {
}

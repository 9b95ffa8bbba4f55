package dev.metastudio.emulator.callback;

import java.time.Duration;

/**
 * Callback faults of the control plane: asked once per delivery, before its first attempt, whether the emulator's
 * own outgoing callback is sent as usual, later, or never (recorded FAILED as dropped). Without a bean of this
 * type every callback is sent as usual.
 */
@FunctionalInterface
public interface CallbackFaults {
    CallbackFaults NONE = (projectId, jobId) -> new Send();

    sealed interface Decision permits Send, Delay, Drop {
    }

    record Send() implements Decision {
    }

    record Delay(Duration delay, String reason) implements Decision {
    }

    record Drop(String reason) implements Decision {
    }

    Decision beforeSend(String projectId, String jobId);
}

package dev.metastudio.emulator.work;

import java.time.Duration;
import java.util.Optional;

/**
 * Job faults of the control plane: asked once when a node claims an item; a fault makes the job end through its
 * kind's failure path with the given code once it has been {@code after} in its started state (PROCESSING), exactly
 * as a real failure (callbacks included). Without a bean of this type no job is faulted.
 */
@FunctionalInterface
public interface WorkFaults {
    WorkFaults NONE = item -> Optional.empty();

    record Fault(String code, String message, Duration after) {
    }

    Optional<Fault> onClaim(WorkItem item);
}

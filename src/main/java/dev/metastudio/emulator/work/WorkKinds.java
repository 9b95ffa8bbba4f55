package dev.metastudio.emulator.work;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The kinds registered as beans, and the progression and fault SPIs (their defaults when no bean is given).
 * Resolved lazily: a kind's beans may themselves use the queue's API.
 */
@Component
class WorkKinds {
    private final ObjectProvider<WorkKind> kindBeans;
    private final ObjectProvider<ProgressionPolicy> policies;
    private final ObjectProvider<WorkFaults> faults;
    private volatile Map<String, WorkKind> byName;

    WorkKinds(ObjectProvider<WorkKind> kindBeans, ObjectProvider<ProgressionPolicy> policies,
              ObjectProvider<WorkFaults> faults) {
        this.kindBeans = kindBeans;
        this.policies = policies;
        this.faults = faults;
    }

    WorkKind get(String name) {
        WorkKind kind = all().get(name);
        if (kind == null) {
            throw new IllegalArgumentException("no work kind " + name + " is registered");
        }
        return kind;
    }

    List<String> names() {
        return List.copyOf(all().keySet());
    }

    Progression progression(String kind) {
        Progression progression = policies.getIfUnique(() -> ProgressionPolicy.REALTIME).of(kind);
        return progression == null ? Progression.DEFAULT : progression;
    }

    WorkFaults faults() {
        return faults.getIfUnique(() -> WorkFaults.NONE);
    }

    private Map<String, WorkKind> all() {
        if (byName == null) {
            Map<String, WorkKind> found = new LinkedHashMap<>();
            kindBeans.orderedStream().forEach(kind -> {
                if (found.put(kind.name(), kind) != null) {
                    throw new IllegalStateException("two beans register the work kind " + kind.name());
                }
            });
            byName = found;
        }
        return byName;
    }
}

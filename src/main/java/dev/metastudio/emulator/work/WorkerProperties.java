package dev.metastudio.emulator.work;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code metastudio.role} and {@code metastudio.workers.*}: whether this node serves the API, runs jobs, or both,
 * and how its workers behave. Every key is settable by environment variable ({@code METASTUDIO_ROLE},
 * {@code METASTUDIO_WORKERS_COUNT}, ...).
 *
 * @param count        worker threads on this node (0 or absent: one per core)
 * @param capabilities what this node can run: {@code cpu}, and {@code gpu} for nodes with a hardware encoder
 * @param lease        how long a claim lasts without renewal; a node that dies frees its jobs after this
 * @param maxAttempts  claims a job gets before it fails for good
 * @param pollInterval how often idle workers look for work submitted on other nodes
 * @param signalInterval how often a node reads the signals (stop, commands, advance) of the items it runs
 * @param kinds        the kinds of work this node claims (empty: every kind it has a runner for)
 */
@ConfigurationProperties("metastudio.workers")
public record WorkerProperties(Integer count, String capabilities, Duration lease, Integer maxAttempts,
                               Duration pollInterval, String nodeId, Integer maxWaitingPerTenant,
                               Integer maxProcessingPerTenant, Duration signalInterval, String kinds) {

    public WorkerProperties {
        count = count == null || count <= 0 ? Runtime.getRuntime().availableProcessors() : count;
        capabilities = capabilities == null || capabilities.isBlank() ? "cpu" : capabilities.trim().toLowerCase(Locale.ROOT);
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 3 : maxAttempts;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        maxWaitingPerTenant = maxWaitingPerTenant == null ? 20 : maxWaitingPerTenant;
        maxProcessingPerTenant = maxProcessingPerTenant == null ? 20 : maxProcessingPerTenant;
        signalInterval = signalInterval == null || signalInterval.toMillis() < 10 ? Duration.ofMillis(250) : signalInterval;
        kinds = kinds == null ? "" : kinds.trim().toUpperCase(Locale.ROOT);
        for (String capability : capabilities.split(",")) {
            capability = capability.trim();
            if (!capability.equals("cpu") && !capability.equals("gpu")) {
                throw new IllegalArgumentException("metastudio.workers.capabilities takes cpu and gpu, not " + capability);
            }
        }
    }

    public List<String> capabilityList() {
        return Arrays.stream(capabilities.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The kinds named by {@code metastudio.workers.kinds}; empty means every kind. */
    public List<String> kindList() {
        return Arrays.stream(kinds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean hasGpu() {
        return capabilityList().contains("gpu");
    }

    /** The job capabilities this node claims: a GPU node runs every job (it falls back to software encoding). */
    public List<String> claimable() {
        return hasGpu() ? List.of("cpu", "gpu") : List.of("cpu");
    }
}

package dev.metastudio.emulator.control.reset;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.auth.ProjectIds;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes what tenants created, through every feature's {@link TenantData} (in their order: rules and work items
 * first, so a running job loses its item before its records go; assets last), in one transaction: a reset happens
 * completely or not at all. Stored objects are removed once it commits.
 */
@Service
class ResetService {
    private static final Logger LOG = LoggerFactory.getLogger(ResetService.class);

    private final List<TenantData> data;

    ResetService(List<TenantData> data) {
        this.data = data.stream().sorted(Comparator.comparingInt(TenantData::order)).toList();
    }

    /** The count removed per resource; {@code projectId} null: every project (the system library stays). */
    @Transactional
    public Map<String, Long> reset(String projectId) {
        if (projectId != null && !ProjectIds.valid(projectId)) {
            throw ApiException.invalid("project_id", ProjectIds.RULE);
        }
        if (TenantScope.SYSTEM_PROJECT.equals(projectId)) {
            throw ApiException.invalid("project_id", "'" + projectId + "' is the system library, which a reset keeps");
        }
        long started = System.nanoTime();
        Map<String, Long> removed = new LinkedHashMap<>();
        for (TenantData part : data) {
            removed.merge(part.resource(), part.removeProject(projectId), Long::sum);
        }
        LOG.info("Reset of {}: removed {} in {} ms", projectId == null ? "every project" : "project " + projectId,
                removed, (System.nanoTime() - started) / 1_000_000);
        return removed;
    }
}

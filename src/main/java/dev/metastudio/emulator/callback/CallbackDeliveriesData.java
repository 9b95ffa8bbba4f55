package dev.metastudio.emulator.callback;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A reset removes the project's callback deliveries, sent or still pending: a pending one is never sent. */
@Component
class CallbackDeliveriesData implements TenantData {
    private final JdbcTemplate jdbc;

    CallbackDeliveriesData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resource() {
        return "callback_deliveries";
    }

    @Override
    public long removeProject(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        return jdbc.update("DELETE FROM callback_delivery WHERE " + scope.condition("project_id"), scope.argument());
    }

    @Override
    public int order() {
        return -50;
    }
}

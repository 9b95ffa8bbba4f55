package dev.metastudio.emulator.live.product;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A reset removes the project's products (before the assets they refer to). */
@Component
class ProductData implements TenantData {
    private final JdbcTemplate jdbc;

    ProductData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resource() {
        return "live_products";
    }

    @Override
    public long removeProject(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        return jdbc.update("DELETE FROM live_product WHERE " + scope.condition("project_id"), scope.argument());
    }

    @Override
    public int order() {
        return 5;
    }
}

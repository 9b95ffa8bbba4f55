package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import dev.metastudio.emulator.storage.DeleteAfterCommit;
import dev.metastudio.emulator.storage.ObjectStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a reset removes of the asset library: the project's files with their stored objects (uploaded, produced,
 * covers), then its assets (tags, properties and shares go with them). The system library is never touched.
 */
@Configuration
class AssetTenantData {

    @Bean
    TenantData assetFilesData(JdbcTemplate jdbc, ObjectStore store) {
        return new TenantData() {
            @Override
            public String resource() {
                return "files";
            }

            @Override
            public long removeProject(String projectId) {
                TenantScope scope = new TenantScope(projectId);
                var keys = jdbc.queryForList("SELECT f.object_key FROM asset_file f JOIN asset a ON a.id = f.asset_row"
                        + " WHERE " + scope.condition("a.project_id"), String.class, scope.argument());
                int removed = jdbc.update("DELETE FROM asset_file WHERE asset_row IN (SELECT id FROM asset WHERE "
                        + scope.condition("project_id") + ")", scope.argument());
                DeleteAfterCommit.objects(store, keys, true);
                return removed;
            }

            @Override
            public int order() {
                return 9;
            }
        };
    }

    @Bean
    TenantData assetsData(JdbcTemplate jdbc) {
        return new TenantData() {
            @Override
            public String resource() {
                return "assets";
            }

            @Override
            public long removeProject(String projectId) {
                TenantScope scope = new TenantScope(projectId);
                return jdbc.update("DELETE FROM asset WHERE " + scope.condition("project_id"), scope.argument());
            }

            @Override
            public int order() {
                return 10;
            }
        };
    }
}

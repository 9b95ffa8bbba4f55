package dev.metastudio.emulator.script;

import dev.metastudio.emulator.composition.ShootScriptItem;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import dev.metastudio.emulator.storage.DeleteAfterCommit;
import dev.metastudio.emulator.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A reset removes the project's scripts (never the system templates) and their uploaded scene audio. */
@Component
class ScriptsData implements TenantData {
    private final JdbcTemplate jdbc;
    private final ObjectStore store;

    ScriptsData(JdbcTemplate jdbc, ObjectStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public String resource() {
        return "scripts";
    }

    @Override
    public long removeProject(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        List<String> keys = new ArrayList<>();
        jdbc.query("SELECT project_id, script_id, content FROM video_script WHERE " + scope.condition("project_id"),
                rs -> {
                    ScriptContent content = JsonColumns.read(rs.getString(3), ScriptContent.class);
                    for (ShootScriptItem item : content.shootScripts() == null ? List.<ShootScriptItem>of()
                            : content.shootScripts()) {
                        if (item.sequenceNo() != null) {
                            keys.add(ScriptAudio.key(rs.getString(1), rs.getString(2), item.sequenceNo()));
                        }
                    }
                }, scope.argument());
        int removed = jdbc.update("DELETE FROM video_script WHERE " + scope.condition("project_id"), scope.argument());
        // Absent keys are fine: only scenes whose audio was uploaded have an object.
        DeleteAfterCommit.objects(store, keys, true);
        return removed;
    }
}

package dev.metastudio.emulator.live.room;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A reset removes the project's live rooms (after the live jobs, which refer to them: order 5). */
@Component
class LiveRoomData implements TenantData {
    private final JdbcTemplate jdbc;

    LiveRoomData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resource() {
        return "live_rooms";
    }

    @Override
    public long removeProject(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        return jdbc.update("DELETE FROM live_room WHERE " + scope.condition("project_id"), scope.argument());
    }

    @Override
    public int order() {
        return 5;
    }
}

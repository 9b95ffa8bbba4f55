package dev.metastudio.emulator.video;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A reset removes the project's video jobs (after their work items); their output assets go with the assets. */
@Component
class VideoJobsData implements TenantData {
    private final JdbcTemplate jdbc;

    VideoJobsData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resource() {
        return "video_jobs";
    }

    @Override
    public long removeProject(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        return jdbc.update("DELETE FROM video_job WHERE " + scope.condition("project_id"), scope.argument());
    }

    @Override
    public int order() {
        return -10;
    }
}

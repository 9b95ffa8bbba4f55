package dev.metastudio.emulator.tts;

import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import dev.metastudio.emulator.storage.DeleteAfterCommit;
import dev.metastudio.emulator.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A reset removes the project's TTS previews (after their work items) and their stored audio. */
@Component
class TtsJobsData implements TenantData {
    private final JdbcTemplate jdbc;
    private final ObjectStore store;

    TtsJobsData(JdbcTemplate jdbc, ObjectStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public String resource() {
        return "tts_jobs";
    }

    @Override
    public long removeProject(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        List<String> keys = new ArrayList<>();
        jdbc.queryForList("SELECT result FROM tts_job WHERE result IS NOT NULL AND " + scope.condition("project_id"),
                String.class, scope.argument()).forEach(result ->
                keys.addAll(JsonColumns.read(result, TtsRequests.Result.class).keys()));
        int removed = jdbc.update("DELETE FROM tts_job WHERE " + scope.condition("project_id"), scope.argument());
        DeleteAfterCommit.objects(store, keys, false);
        return removed;
    }

    @Override
    public int order() {
        return -10;
    }
}

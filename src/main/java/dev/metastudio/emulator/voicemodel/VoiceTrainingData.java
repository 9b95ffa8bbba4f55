package dev.metastudio.emulator.voicemodel;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.config.TenantScope;
import dev.metastudio.emulator.storage.DeleteAfterCommit;
import dev.metastudio.emulator.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A reset removes the project's voice training jobs (after their work items) and their uploads; the timbres they
 * produced are assets and go with the assets.
 */
@Component
class VoiceTrainingData implements TenantData {
    private final JdbcTemplate jdbc;
    private final ObjectStore store;

    VoiceTrainingData(JdbcTemplate jdbc, ObjectStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public String resource() {
        return "voice_training_jobs";
    }

    @Override
    public long removeProject(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        List<String> keys = new ArrayList<>();
        jdbc.query("SELECT job_id, project_id, job_type FROM voice_training_job WHERE "
                + scope.condition("project_id"), rs -> {
            VoiceJobEntity job = new VoiceJobEntity(rs.getString("job_id"), rs.getString("project_id"),
                    JobType.valueOf(rs.getString("job_type")), java.time.Instant.EPOCH);
            keys.addAll(TrainingData.keys(job));
        }, scope.argument());
        int removed = jdbc.update("DELETE FROM voice_training_job WHERE " + scope.condition("project_id"),
                scope.argument());
        DeleteAfterCommit.objects(store, keys, true);
        return removed;
    }

    @Override
    public int order() {
        return -10;
    }
}

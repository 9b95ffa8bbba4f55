package dev.metastudio.emulator.imagemodel;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.storage.DeleteAfterCommit;
import dev.metastudio.emulator.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A reset removes the project's training jobs (before the assets they made) and every file uploaded to them. */
@Component
class ImageTrainingData implements TenantData {
    private final ImageTrainingJobRepository jobs;
    private final ObjectStore store;

    ImageTrainingData(ImageTrainingJobRepository jobs, ObjectStore store) {
        this.jobs = jobs;
        this.store = store;
    }

    @Override
    public String resource() {
        return "image_training_jobs";
    }

    @Override
    @Transactional
    public long removeProject(String projectId) {
        List<ImageTrainingJobEntity> removed = projectId == null
                ? jobs.findAll().stream().filter(j -> !j.getProjectId().equals(
                        dev.metastudio.emulator.config.TenantScope.SYSTEM_PROJECT)).toList()
                : jobs.findByProjectId(projectId);
        List<String> keys = new ArrayList<>();
        removed.forEach(job -> keys.addAll(TrainingUploads.allKeys(job)));
        jobs.deleteAllInBatch(removed);
        DeleteAfterCommit.objects(store, keys, true);
        return removed.size();
    }

    @Override
    public int order() {
        return -10;
    }
}

package dev.metastudio.emulator.video;

import dev.metastudio.emulator.callback.Callbacks;
import dev.metastudio.emulator.job.JobEntity;
import dev.metastudio.emulator.job.JobKind;
import dev.metastudio.emulator.job.JobListener;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** On SUCCEED or FAILED, the job's callback_config gets {result, asset_id, job_id} (reference Table 5-146). */
@Component
class VideoCallbacks implements JobListener {
    private final Callbacks callbacks;

    VideoCallbacks(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void finished(JobEntity job) {
        if (job.getKind() != JobKind.VIDEO_2D) {
            return;
        }
        VideoRequests.Document document = VideoJobService.read(job.getRequest());
        if (document.callbackConfig() == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", job.getState().name());
        body.put("asset_id", job.getOutputAssetId());
        body.put("job_id", job.getJobId());
        callbacks.enqueue(job.getProjectId(), job.getJobId(), document.callbackConfig(), body);
    }
}

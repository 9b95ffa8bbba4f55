package dev.metastudio.emulator.video;

import dev.metastudio.emulator.callback.Callbacks;
import dev.metastudio.emulator.config.JsonColumns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * On SUCCEED or FAILED, the job's callback_config gets {result, asset_id, job_id} (reference Table 5-146, L5687), and
 * on FAILED also error_info {error_code, error_msg}.
 */
@Component
class VideoCallbacks {
    private final Callbacks callbacks;

    VideoCallbacks(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** In the transaction that ends the job, so the callback is sent exactly when the end is recorded. */
    void finished(VideoJobEntity job) {
        VideoRequests.Document document = JsonColumns.read(job.getRequest(), VideoRequests.Document.class);
        if (document.callbackConfig() == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", job.getState().name());
        body.put("asset_id", job.getOutputAssetId());
        body.put("job_id", job.getJobId());
        if (job.getErrorCode() != null) {
            // Beyond Table 5-146 (receivers ignore unknown fields): a FAILED job's callback says why, as its
            // details' error_info does, so a receiver can tell an injected fault's code from any other failure.
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error_code", job.getErrorCode());
            error.put("error_msg", job.getErrorMsg());
            body.put("error_info", error);
        }
        callbacks.enqueue(job.getProjectId(), job.getJobId(), document.callbackConfig(), body);
    }
}

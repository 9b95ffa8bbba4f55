package dev.metastudio.emulator.live.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metastudio.emulator.callback.Callbacks;
import dev.metastudio.emulator.config.JsonColumns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The live job's event callbacks (live_event_callback_config): SHOOT_SCRIPT_SWITCH, RTMP_STREAM_STATE_CHANGE and
 * REPLY_COMMAND_FINISH, each only when listed in callback_event_type, as {@code {"event_type", "message"}} with
 * {@code message} a JSON string whose values are strings (reference 6.2.1). They go through the callback outbox
 * (recorded, retried, never on the stream's threads), signed per auth_type (Table 6-31): NONE as configured, MSS_A
 * with the query parameters hwSecret / hwTime, MSS_A_HEAD with the headers x-hw-mss-secret / x-hw-mss-time, under
 * the configuration's key (see {@link Callbacks#enqueueLiveEvent}); MEITUAN_DEFAULT, whose scheme the reference does not give, sends
 * nothing.
 */
@Component
class LiveNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(LiveNotifier.class);

    private final Callbacks callbacks;

    LiveNotifier(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    void paragraph(LiveJob job, LiveConfig.SceneScript scene, LiveConfig.Paragraph paragraph) {
        Map<String, Object> m = base(job);
        m.put("scene_script_name", scene.scriptName());
        m.put("shoot_script_sequence_no", String.valueOf(paragraph.sequenceNo()));
        m.put("shoot_script_title", paragraph.title() == null ? "" : paragraph.title());
        send(job, "SHOOT_SCRIPT_SWITCH", m);
    }

    void link(LiveJob job, String url, String key, String state) {
        if (url == null) {
            return;
        }
        Map<String, Object> m = base(job);
        m.put("output_url", url);
        m.put("stream_key", key == null ? "" : key);
        m.put("state", state);
        send(job, "RTMP_STREAM_STATE_CHANGE", m);
    }

    void replyFinished(LiveJob job, String replyId) {
        Map<String, Object> m = base(job);
        m.put("reply_id", replyId);
        send(job, "REPLY_COMMAND_FINISH", m);
    }

    private static Map<String, Object> base(LiveJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("room_id", job.roomId());
        m.put("job_id", job.jobId());
        return m;
    }

    private void send(LiveJob job, String type, Map<String, Object> message) {
        JsonNode config = job.liveEventCallbackConfig() == null ? null
                : JsonColumns.read(job.liveEventCallbackConfig(), JsonNode.class);
        String url = LiveConfig.text(config, "live_event_type_callback_url");
        if (url == null || url.isBlank()) {
            return;
        }
        boolean wanted = false;
        for (JsonNode t : LiveConfig.array(config, "callback_event_type")) {
            wanted |= type.equals(t.asText());
        }
        if (!wanted) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_type", type);
        body.put("message", JsonColumns.write(message));
        try {
            callbacks.enqueueLiveEvent(job.projectId(), job.jobId(), url, LiveConfig.textOr(config, "auth_type",
                    "NONE"), LiveConfig.text(config, "key"), body);
        } catch (RuntimeException e) {
            LOG.warn("Live job {}: {} callback not recorded: {}", job.jobId(), type, e.toString());
        }
    }
}

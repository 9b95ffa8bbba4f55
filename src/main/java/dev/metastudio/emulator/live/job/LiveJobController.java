package dev.metastudio.emulator.live.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.edge.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Intelligent livestreaming jobs, reference 6.2.1-6.2.7. */
@RestController
@RequestMapping("/v1/{project_id}")
class LiveJobController {
    private final LiveJobService jobs;
    private final PublicUrl publicUrl;

    LiveJobController(LiveJobService jobs, PublicUrl publicUrl) {
        this.jobs = jobs;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/smart-live-rooms/{room_id}/smart-live-jobs")
    ResponseEntity<Map<String, Object>> start(@PathVariable("project_id") String projectId,
                                              @PathVariable("room_id") String roomId,
                                              @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.start(projectId, roomId, body,
                publicUrl.of(request)));
    }

    @GetMapping("/smart-live-rooms/{room_id}/smart-live-jobs")
    Map<String, Object> list(@PathVariable("project_id") String projectId, @PathVariable("room_id") String roomId,
                             @RequestParam MultiValueMap<String, String> query) {
        return jobs.list(projectId, roomId, new QueryParams(query));
    }

    @GetMapping("/smart-live-rooms/{room_id}/smart-live-jobs/{job_id}")
    Map<String, Object> show(@PathVariable("project_id") String projectId, @PathVariable("room_id") String roomId,
                             @PathVariable("job_id") String jobId) {
        return jobs.show(projectId, roomId, jobId);
    }

    @PostMapping("/smart-live-rooms/{room_id}/smart-live-jobs/{job_id}/stop")
    ResponseEntity<Void> stop(@PathVariable("project_id") String projectId, @PathVariable("room_id") String roomId,
                              @PathVariable("job_id") String jobId) {
        jobs.stop(projectId, roomId, jobId);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/smart-live-rooms/{room_id}/smart-live-jobs/{job_id}/command")
    Map<String, Object> command(@PathVariable("project_id") String projectId, @PathVariable("room_id") String roomId,
                                @PathVariable("job_id") String jobId, @RequestBody(required = false) JsonNode body) {
        return jobs.command(projectId, roomId, jobId, body == null ? com.fasterxml.jackson.databind.node
                .JsonNodeFactory.instance.objectNode() : body);
    }

    @GetMapping("/smart-live-jobs")
    Map<String, Object> tenantList(@PathVariable("project_id") String projectId,
                                   @RequestParam MultiValueMap<String, String> query) {
        return jobs.list(projectId, null, new QueryParams(query));
    }

    @PostMapping("/smart-live-rooms/{room_id}/smart-live-jobs/{job_id}/live-event-report")
    Map<String, Object> report(@PathVariable("project_id") String projectId, @PathVariable("room_id") String roomId,
                               @PathVariable("job_id") String jobId,
                               @RequestParam(value = "auth_key", required = false) String authKey,
                               @RequestParam(value = "expires_time", required = false) Long expiresTime,
                               @RequestParam(value = "refresh_url", required = false) Boolean refreshUrl,
                               @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        return jobs.report(projectId, roomId, jobId, authKey, expiresTime, refreshUrl, Caller.of(request) != null,
                body, publicUrl.of(request));
    }
}

package dev.metastudio.emulator.voicemodel;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Voice Modeling Task Management, reference 9.1-9.12. Every success is 200; submit and delete have no body. */
@RestController
@RequestMapping("/v1/{project_id}/voice-training-manage/user")
class VoiceTrainingController {
    private final VoiceTrainingService service;
    private final PublicUrl publicUrl;

    VoiceTrainingController(VoiceTrainingService service, PublicUrl publicUrl) {
        this.service = service;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/basic-jobs")
    VoiceViews.Created basic(@PathVariable("project_id") String projectId,
                             @RequestHeader(value = "X-App-UserId", required = false) String appUserId,
                             @RequestBody(required = false) VoiceViews.Create body, HttpServletRequest request) {
        return service.create(projectId, appUserId, JobType.BASIC, body, publicUrl.of(request));
    }

    @PostMapping("/middle-jobs")
    VoiceViews.Created middle(@PathVariable("project_id") String projectId,
                              @RequestHeader(value = "X-App-UserId", required = false) String appUserId,
                              @RequestBody(required = false) VoiceViews.Create body, HttpServletRequest request) {
        return service.create(projectId, appUserId, JobType.MIDDLE, body, publicUrl.of(request));
    }

    @PostMapping("/advance-jobs")
    VoiceViews.Created advance(@PathVariable("project_id") String projectId,
                               @RequestHeader(value = "X-App-UserId", required = false) String appUserId,
                               @RequestBody(required = false) VoiceViews.Create body, HttpServletRequest request) {
        return service.create(projectId, appUserId, JobType.ADVANCE, body, publicUrl.of(request));
    }

    @GetMapping("/jobs")
    VoiceViews.JobList list(@PathVariable("project_id") String projectId,
                            @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return service.list(projectId, new QueryParams(query), publicUrl.of(request));
    }

    @PostMapping("/jobs/{job_id}")
    ResponseEntity<Void> commit(@PathVariable("project_id") String projectId, @PathVariable("job_id") String jobId,
                                @RequestBody(required = false) VoiceViews.Commit body) {
        service.commit(projectId, jobId, body);
        return ResponseEntity.ok().build();
    }

    @GetMapping("/jobs/{job_id}")
    VoiceViews.Job show(@PathVariable("project_id") String projectId, @PathVariable("job_id") String jobId,
                        HttpServletRequest request) {
        return service.show(projectId, jobId, publicUrl.of(request));
    }

    @DeleteMapping("/jobs/{job_id}")
    ResponseEntity<Void> delete(@PathVariable("project_id") String projectId, @PathVariable("job_id") String jobId) {
        service.delete(projectId, jobId);
        return ResponseEntity.ok().build();
    }

    @GetMapping("/jobs/{job_id}/op-logs")
    VoiceViews.OperationLogs logs(@PathVariable("project_id") String projectId, @PathVariable("job_id") String jobId,
                                  @RequestParam MultiValueMap<String, String> query) {
        return service.logs(projectId, jobId, new QueryParams(query));
    }

    @GetMapping("/jobs/{job_id}/uploading-address-url")
    VoiceViews.UploadingAddress uploadingAddress(@PathVariable("project_id") String projectId,
                                                 @PathVariable("job_id") String jobId, HttpServletRequest request) {
        return service.uploadingAddress(projectId, jobId, publicUrl.of(request));
    }

    @GetMapping("/jobs/{job_id}/audit-result")
    VoiceViews.AuditResult auditResult(@PathVariable("project_id") String projectId,
                                       @PathVariable("job_id") String jobId) {
        return service.auditResult(projectId, jobId);
    }

    @PostMapping("/training-segment")
    VoiceViews.SegmentConfirmed confirm(@PathVariable("project_id") String projectId,
                                        @RequestParam MultiValueMap<String, String> query) {
        QueryParams q = new QueryParams(query);
        if (q.text("index") == null) {
            throw ApiException.invalid("index", "is required");
        }
        return service.confirm(projectId, q.text("job_id"), q.integer("index", 0, 0, 1024));
    }

    @GetMapping("/training-segment")
    VoiceViews.SegmentInfo segments(@PathVariable("project_id") String projectId,
                                    @RequestParam MultiValueMap<String, String> query) {
        return service.segments(projectId, new QueryParams(query).text("job_id"));
    }
}

package dev.metastudio.emulator.imagemodel;

import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Image Modeling Management, reference 8.1-8.6. Every success is 200 (no 201/204), as documented. */
@RestController
@RequestMapping("/v1/{project_id}/digital-human-training-manage/user/jobs")
class ImageModelController {
    private final ImageModelService service;
    private final PublicUrl publicUrl;

    ImageModelController(ImageModelService service, PublicUrl publicUrl) {
        this.service = service;
        this.publicUrl = publicUrl;
    }

    @PostMapping
    ImageModelRequests.Created create(@PathVariable("project_id") String projectId,
                                      @RequestHeader(value = "X-App-UserId", required = false) String appUserId,
                                      @RequestBody(required = false) ImageModelRequests.Create body,
                                      HttpServletRequest request) {
        return service.create(projectId, appUserId, body, publicUrl.of(request));
    }

    @GetMapping
    ImageModelRequests.JobList list(@PathVariable("project_id") String projectId,
                                    @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        return service.list(projectId, new QueryParams(params), publicUrl.of(request));
    }

    @GetMapping("/{job_id}")
    ImageModelRequests.JobDetail show(@PathVariable("project_id") String projectId,
                                      @PathVariable("job_id") String jobId, HttpServletRequest request) {
        return service.show(projectId, jobId, publicUrl.of(request));
    }

    /** 8.4: "200 with no body". */
    @DeleteMapping("/{job_id}")
    ResponseEntity<Void> delete(@PathVariable("project_id") String projectId, @PathVariable("job_id") String jobId) {
        service.delete(projectId, jobId);
        return ResponseEntity.ok().build();
    }

    @PutMapping("/{job_id}")
    ImageModelRequests.Created update(@PathVariable("project_id") String projectId,
                                      @PathVariable("job_id") String jobId,
                                      @RequestBody(required = false) ImageModelRequests.Update body,
                                      HttpServletRequest request) {
        return service.update(projectId, jobId, body, publicUrl.of(request));
    }

    @PostMapping("/{job_id}/command")
    ImageModelRequests.CommandResult command(@PathVariable("project_id") String projectId,
                                             @PathVariable("job_id") String jobId,
                                             @RequestBody(required = false) ImageModelRequests.Command body,
                                             HttpServletRequest request) {
        return service.command(projectId, jobId, body, publicUrl.of(request));
    }
}

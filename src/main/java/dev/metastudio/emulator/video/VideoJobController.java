package dev.metastudio.emulator.video;

import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Video Production Management (5.2) and Virtual Avatar Video Production Management (5.3). */
@RestController
@RequestMapping("/v1/{project_id}")
class VideoJobController {
    private final VideoJobService videos;
    private final PublicUrl publicUrl;

    VideoJobController(VideoJobService videos, PublicUrl publicUrl) {
        this.videos = videos;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/2d-digital-human-videos")
    VideoViews.Created create(@PathVariable("project_id") String projectId,
                              @RequestHeader(value = "X-App-UserId", required = false) String appUserId,
                              @RequestBody(required = false) VideoRequests.Create body) {
        return videos.create(projectId, appUserId, body);
    }

    @GetMapping("/2d-digital-human-videos/{job_id}")
    VideoViews.Detail show(@PathVariable("project_id") String projectId, @PathVariable("job_id") String jobId,
                           @RequestParam(value = "show_script", defaultValue = "false") boolean showScript,
                           HttpServletRequest request) {
        return videos.show(projectId, jobId, showScript, publicUrl.of(request));
    }

    @PostMapping("/2d-digital-human-videos/{job_id}/cancel")
    ResponseEntity<Void> cancel(@PathVariable("project_id") String projectId, @PathVariable("job_id") String jobId) {
        videos.cancel(projectId, jobId);
        return ResponseEntity.ok().build();
    }

    @GetMapping("/digital-human-videos")
    VideoViews.JobList list(@PathVariable("project_id") String projectId,
                            @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return videos.list(projectId, new QueryParams(query), publicUrl.of(request));
    }
}

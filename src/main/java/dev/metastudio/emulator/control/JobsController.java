package dev.metastudio.emulator.control;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.job.JobEntity;
import dev.metastudio.emulator.job.JobQueue;
import dev.metastudio.emulator.job.JobRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue as an operator sees it: which node renders what, attempts, leases and progress — what the API itself
 * does not show.
 */
@RestController
@RequestMapping("/_emulator/jobs")
class JobsController {
    private final JobRepository jobs;
    private final JobQueue queue;

    JobsController(JobRepository jobs, JobQueue queue) {
        this.jobs = jobs;
        this.queue = queue;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(value = "project_id", required = false) String projectId,
                             @RequestParam(value = "state", required = false) String state,
                             @RequestParam(value = "limit", defaultValue = "100") int limit) {
        Specification<JobEntity> where = (root, query, cb) -> cb.conjunction();
        if (projectId != null) {
            where = where.and((root, query, cb) -> cb.equal(root.get("projectId"), projectId));
        }
        if (state != null) {
            where = where.and((root, query, cb) -> cb.equal(root.get("state").as(String.class), state));
        }
        List<Map<String, Object>> found = jobs.findAll(where, PageRequest.of(0, Math.max(1, Math.min(limit, 1000)),
                Sort.by(Sort.Direction.DESC, "createTime"))).stream().map(JobsController::view).toList();
        return Map.of("paused", queue.paused(), "jobs", found);
    }

    /** Pauses claiming on every node (jobs stay WAITING, so cancel and queue limits can be exercised); resume undoes it. */
    @PostMapping("/pause")
    Map<String, Object> pause() {
        queue.setPaused(true);
        return Map.of("paused", true);
    }

    @PostMapping("/resume")
    Map<String, Object> resume() {
        queue.setPaused(false);
        return Map.of("paused", false);
    }

    @GetMapping("/{job_id}")
    Map<String, Object> show(@PathVariable("job_id") String jobId) {
        return jobs.findById(jobId).map(JobsController::view)
                .orElseThrow(() -> ApiException.notFound("job", jobId));
    }

    private static Map<String, Object> view(JobEntity job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_id", job.getJobId());
        view.put("project_id", job.getProjectId());
        view.put("kind", job.getKind().name());
        view.put("state", job.getState().name());
        view.put("attempts", job.getAttempts());
        view.put("lease_owner", job.getLeaseOwner());
        view.put("lease_until", ApiTime.format(job.getLeaseUntil()));
        view.put("rendered_by", job.getRenderedBy());
        view.put("progress_done", job.getProgressDone());
        view.put("progress_total", job.getProgressTotal());
        view.put("output_asset_id", job.getOutputAssetId());
        view.put("duration", job.getDuration());
        view.put("error_code", job.getErrorCode());
        view.put("error_msg", job.getErrorMsg());
        view.put("create_time", ApiTime.format(job.getCreateTime()));
        view.put("start_time", ApiTime.format(job.getStartTime()));
        view.put("end_time", ApiTime.format(job.getEndTime()));
        return view;
    }
}

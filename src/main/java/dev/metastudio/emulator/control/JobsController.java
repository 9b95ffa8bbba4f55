package dev.metastudio.emulator.control;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Paging;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.work.QueueState;
import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work queue as an operator sees it: every kind's jobs with their documented state, which node runs what,
 * attempts, leases, progress and signals — what the API itself does not show.
 */
@RestController
@RequestMapping("/_emulator/jobs")
class JobsController {
    /** The control plane pages like the API, with room for a whole test run's jobs. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final WorkQueue queue;

    JobsController(WorkQueue queue) {
        this.queue = queue;
    }

    /** Filters: project_id, kind (VIDEO, TTS...), state (the job's documented state), queue_state; newest first. */
    @GetMapping
    Map<String, Object> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParams q = new QueryParams(query);
        Paging paging = Paging.of(q, DEFAULT_LIMIT, MAX_LIMIT);
        String kind = q.oneOf("kind", queue.kinds(), null);
        QueueState queueState = q.single("queue_state", QueueState.class, null);
        List<Map<String, Object>> found = queue.list(q.text("project_id"), kind, q.text("state"),
                queueState == null ? null : queueState.name(), paging.offset(), paging.limit()).stream()
                .map(this::view).toList();
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
        return queue.itemOfJob(jobId).map(this::view).orElseThrow(() -> ApiException.notFound("job", jobId));
    }

    private Map<String, Object> view(WorkItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_id", item.subjectId());
        view.put("work_id", item.workId());
        view.put("project_id", item.projectId());
        view.put("kind", item.kind());
        view.put("state", item.jobState());
        view.put("queue_state", item.queueState().name());
        view.put("capability", item.capability());
        view.put("attempts", item.attempts());
        view.put("lease_owner", item.leaseOwner());
        view.put("lease_until", ApiTime.format(item.leaseUntil()));
        view.put("rendered_by", item.lastOwner());
        view.put("progress_done", item.progressDone());
        view.put("progress_total", item.progressTotal());
        view.put("stop_requested", item.stopRequested());
        view.put("awaiting_advance_to", item.awaitingState());
        view.putAll(queue.describe(item));
        view.put("create_time", ApiTime.format(item.createTime()));
        view.put("state_since", ApiTime.format(item.stateSince()));
        view.put("start_time", ApiTime.format(item.startTime()));
        view.put("end_time", ApiTime.format(item.endTime()));
        return view;
    }
}

package dev.metastudio.emulator.video;

import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Paging;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** GET /digital-human-videos: the documented filters, sort and paging of reference 5.2.1. */
@Component
class VideoJobSearch {
    record Page(long count, List<VideoJobEntity> jobs) {
    }

    private final VideoJobRepository jobs;

    VideoJobSearch(VideoJobRepository jobs) {
        this.jobs = jobs;
    }

    Page search(String projectId, QueryParams q) {
        Paging paging = Paging.of(q);
        // sort_key asset_order is copied into this API's table by the reference; it sorts like create_time.
        String key = q.oneOf("sort_key", List.of("create_time", "update_time", "asset_order"), "create_time");
        boolean asc = "asc".equals(q.oneOf("sort_dir", List.of("asc", "desc"), "asc"));
        String sorted = "update_time".equals(key) ? "updateTime" : "createTime";
        Sort sort = Sort.by(asc ? Sort.Order.asc(sorted) : Sort.Order.desc(sorted), Sort.Order.asc("jobId"));
        org.springframework.data.domain.Page<VideoJobEntity> page = jobs.findAll(
                (root, query, cb) -> cb.and(filters(projectId, q, cb, root)), paging.sorted(sort));
        return new Page(page.getTotalElements(), page.getContent());
    }

    private static Predicate[] filters(String projectId, QueryParams q, CriteriaBuilder cb, Root<VideoJobEntity> j) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(j.get("projectId"), projectId));
        List<VideoJobState> states = q.enums("state", VideoJobState.class);
        if (!states.isEmpty()) {
            where.add(j.get("state").in(states));
        }
        Instant since = ApiTime.parse(q.text("create_since"), "create_since");
        Instant until = ApiTime.parse(q.text("create_until"), "create_until");
        if (since != null) {
            where.add(cb.greaterThanOrEqualTo(j.get("createTime"), since));
        }
        if (until != null) {
            where.add(cb.lessThanOrEqualTo(j.get("createTime"), until));
        }
        String jobType = q.oneOf("job_type", List.of(VideoJobService.JOB_TYPE, "PHOTO_DIGITAL_HUMAN_VIDEO"), null);
        if (jobType != null) {
            where.add(cb.equal(j.get("jobType"), jobType));
        }
        String scriptId = q.text("script_id");
        if (scriptId != null) {
            where.add(cb.equal(j.get("scriptId"), scriptId));
        }
        String jobId = q.text("job_id");
        if (jobId != null) {
            where.add(cb.equal(j.get("jobId"), jobId));
        }
        String assetName = q.text("asset_name");
        if (assetName != null) {
            boolean fuzzy = q.list("fuzzy_query_field").contains("asset_name");
            where.add(fuzzy ? cb.like(cb.lower(j.get("outputAssetName")), "%" + escape(assetName) + "%", '\\')
                    : cb.equal(j.get("outputAssetName"), assetName));
        }
        return where.toArray(Predicate[]::new);
    }

    private static String escape(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package dev.metastudio.emulator.video;

import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.job.JobEntity;
import dev.metastudio.emulator.job.JobKind;
import dev.metastudio.emulator.job.JobState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** GET /digital-human-videos: the documented filters, sort and paging of reference 5.2.1. */
@Component
class VideoJobSearch {
    record Page(long count, List<JobEntity> jobs) {
    }

    private final EntityManager entities;

    VideoJobSearch(EntityManager entities) {
        this.entities = entities;
    }

    Page search(String projectId, QueryParams q) {
        int limit = q.integer("limit", 10, 1, 100);
        int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<JobEntity> countRoot = count.from(JobEntity.class);
        count.select(cb.count(countRoot)).where(filters(projectId, q, cb, countRoot));
        CriteriaQuery<JobEntity> page = cb.createQuery(JobEntity.class);
        Root<JobEntity> root = page.from(JobEntity.class);
        // sort_key asset_order is copied into this API's table by the reference; it sorts like create_time.
        String key = q.oneOf("sort_key", List.of("create_time", "update_time", "asset_order"), "create_time");
        boolean asc = "asc".equals(q.oneOf("sort_dir", List.of("asc", "desc"), "asc"));
        Expression<?> sorted = root.get("update_time".equals(key) ? "updateTime" : "createTime");
        page.select(root).where(filters(projectId, q, cb, root))
                .orderBy(asc ? cb.asc(sorted) : cb.desc(sorted), cb.asc(root.get("jobId")));
        return new Page(entities.createQuery(count).getSingleResult(),
                entities.createQuery(page).setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    private static Predicate[] filters(String projectId, QueryParams q, CriteriaBuilder cb, Root<JobEntity> j) {
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(j.get("projectId"), projectId));
        where.add(cb.equal(j.get("kind"), JobKind.VIDEO_2D));
        List<JobState> states = q.enums("state", JobState.class);
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

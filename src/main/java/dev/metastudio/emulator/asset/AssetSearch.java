package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Paging;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * GET /digital-assets: every documented filter of reference 4.1.2 as SQL, so {@code count} is the total and
 * {@code offset}/{@code limit} page over it.
 */
@Component
class AssetSearch {
    /**
     * Listed when no asset_state is asked for: every state, the recycle bin (DELETING) and force-deleted records
     * (DELETED, their objects removed) included. L1140: "By default, assets in all statuses are queried."
     */
    static final List<AssetState> DEFAULT_STATES = List.of(AssetState.values());
    static final String SYSTEM_ALIAS_SOURCE = "SYSTEM_ALIAS";

    record Page(long count, List<AssetEntity> assets) {
    }

    private final AssetRepository assets;

    AssetSearch(AssetRepository assets) {
        this.assets = assets;
    }

    @Transactional(readOnly = true)
    Page search(String projectId, QueryParams q) {
        Paging paging = Paging.of(q);
        Sort sort = order(q);
        org.springframework.data.domain.Page<AssetEntity> page = assets.findAll(
                (a, query, cb) -> cb.and(filters(projectId, q, cb, query, a)), paging.sorted(sort));
        return new Page(page.getTotalElements(), page.getContent());
    }

    private Predicate[] filters(String projectId, QueryParams q, CriteriaBuilder cb, CriteriaQuery<?> query,
                                Root<AssetEntity> a) {
        List<Predicate> where = new ArrayList<>();
        where.add(scope(projectId, q, cb, query, a));

        List<AssetState> states = q.enums("asset_state", AssetState.class);
        where.add(a.get("assetState").in(states.isEmpty() ? DEFAULT_STATES : states));

        List<String> accurate = q.list("accurate_query_field");
        String name = q.text("name");
        if (name != null) {
            where.add(accurate.contains("name") ? cb.equal(a.get("assetName"), name)
                    : cb.like(cb.lower(a.get("assetName")), contains(name), '\\'));
        }
        List<String> tags = q.list("tag");
        boolean all = "INTERSECTION".equals(q.oneOf("tag_combination_type", List.of("INTERSECTION", "UNION_SET"), "UNION_SET"));
        if (!tags.isEmpty()) {
            List<Predicate> perTag = tags.stream()
                    .map(tag -> hasTag(tag, accurate.contains("tag"), cb, query, a)).toList();
            where.add(all ? cb.and(perTag.toArray(Predicate[]::new)) : cb.or(perTag.toArray(Predicate[]::new)));
        }
        Instant start = ApiTime.parse(q.text("start_time"), "start_time");
        Instant end = ApiTime.parse(q.text("end_time"), "end_time");
        if (start != null) {
            where.add(cb.greaterThanOrEqualTo(a.get("createTime"), start));
        }
        if (end != null) {
            where.add(cb.lessThanOrEqualTo(a.get("createTime"), end));
        }
        List<AssetType> types = q.list("asset_type").stream().map(t -> parseType(t)).toList();
        if (!types.isEmpty()) {
            where.add(a.get("assetType").in(types));
        }
        List<String> ids = q.list("asset_id");
        if (!ids.isEmpty()) {
            where.add(a.get("assetId").in(ids));
        }
        equalsIfGiven(where, cb, a, "styleId", q.text("style_id"));
        inIfGiven(where, a, "sex", q.list("sex"));
        inIfGiven(where, a, "language", q.list("language"));
        equalsIfGiven(where, cb, a, "voiceProvider", q.text("voice_provider"));
        equalsIfGiven(where, cb, a, "realtimeVoice", q.bool("is_realtime_voice"));
        equalsIfGiven(where, cb, a, "modelVersion", q.text("human_model_2d_version"));
        equalsIfGiven(where, cb, a, "actionEditable", q.bool("action_editable"));
        equalsIfGiven(where, cb, a, "withActionLibrary", q.bool("is_with_action_library"));
        equalsIfGiven(where, cb, a, "appUserId", q.text("app_user_id"));
        if (Boolean.TRUE.equals(q.bool("is_movable"))) {
            // No emulated avatar walks.
            where.add(cb.disjunction());
        }
        for (String pair : q.list("system_property")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw ApiException.invalid("system_property", "must be KEY:VALUE[,KEY:VALUE...], got '" + pair + "'");
            }
            where.add(hasProperty(pair.substring(0, colon), pair.substring(colon + 1), cb, query, a));
        }
        String renderEngine = q.oneOf("render_engine", List.of("UE", "MetaEngine"), null);
        if (renderEngine != null) {
            where.add(hasProperty("RENDER_ENGINE", renderEngine, cb, query, a));
        }
        String service = q.text("supported_service");
        if (service != null) {
            q.single("supported_service", SupportedService.class, null);
            where.add(memberOf("supportedServices", service, cb, query, a));
        }
        String include = q.text("include_device_name");
        if (include != null) {
            where.add(memberOf("deviceNames", include, cb, query, a));
        }
        String exclude = q.text("exclude_device_name");
        if (exclude != null) {
            where.add(cb.not(memberOf("deviceNames", exclude, cb, query, a)));
        }
        return where.toArray(Predicate[]::new);
    }

    /** asset_source and role decide whose assets are in view. */
    private Predicate scope(String projectId, QueryParams q, CriteriaBuilder cb, CriteriaQuery<?> query,
                            Root<AssetEntity> a) {
        String role = q.oneOf("role", List.of("SHARER", "SHAREE"), null);
        if ("SHAREE".equals(role)) {
            return memberOf("sharedWith", projectId, cb, query, a);
        }
        Predicate own = cb.equal(a.get("projectId"), projectId);
        if ("SHARER".equals(role)) {
            return cb.and(own, cb.isNotEmpty(a.get("sharedWith")));
        }
        Predicate system = cb.and(cb.equal(a.get("projectId"), AssetEntity.SYSTEM_PROJECT),
                cb.equal(a.get("assetSource"), "SYSTEM"));
        return switch (q.oneOf("asset_source", List.of("SYSTEM", "CUSTOMIZATION", "ALL"), "CUSTOMIZATION")) {
            case "SYSTEM" -> system;
            case "ALL" -> cb.or(own, system);
            default -> own;
        };
    }

    private static Sort order(QueryParams q) {
        String key = q.oneOf("sort_key", List.of("create_time", "update_time", "asset_order"), "create_time");
        boolean asc = "asc".equals(q.oneOf("sort_dir", List.of("asc", "desc"), "asc"));
        String attribute = switch (key) {
            case "update_time" -> "updateTime";
            case "asset_order" -> "assetOrder";
            default -> "createTime";
        };
        // Equal asset_order values put the newest first, as the reference says.
        return Sort.by(asc ? Sort.Order.asc(attribute) : Sort.Order.desc(attribute), Sort.Order.desc("createTime"),
                Sort.Order.asc("assetId"));
    }

    private static Predicate hasTag(String tag, boolean exact, CriteriaBuilder cb, CriteriaQuery<?> query,
                                    Root<AssetEntity> a) {
        Subquery<String> sub = query.subquery(String.class);
        Root<AssetEntity> s = sub.from(AssetEntity.class);
        Join<AssetEntity, String> tags = s.join("tags");
        Predicate match = exact ? cb.equal(tags, tag) : cb.like(cb.lower(tags), contains(tag), '\\');
        return cb.exists(sub.select(s.get("id")).where(cb.equal(s.get("id"), a.get("id")), match));
    }

    private static Predicate hasProperty(String key, String value, CriteriaBuilder cb, CriteriaQuery<?> query,
                                         Root<AssetEntity> a) {
        Subquery<String> sub = query.subquery(String.class);
        Root<AssetEntity> s = sub.from(AssetEntity.class);
        Join<AssetEntity, AssetEntity.PropertyValue> props = s.join("systemProperties");
        return cb.exists(sub.select(s.get("id")).where(cb.equal(s.get("id"), a.get("id")),
                cb.equal(props.get("key"), key), cb.equal(props.get("value"), value)));
    }

    private static Predicate memberOf(String collection, String value, CriteriaBuilder cb, CriteriaQuery<?> query,
                                      Root<AssetEntity> a) {
        Subquery<String> sub = query.subquery(String.class);
        Root<AssetEntity> s = sub.from(AssetEntity.class);
        Join<AssetEntity, String> members = s.join(collection);
        return cb.exists(sub.select(s.get("id")).where(cb.equal(s.get("id"), a.get("id")), cb.equal(members, value)));
    }

    private static void equalsIfGiven(List<Predicate> where, CriteriaBuilder cb, Root<AssetEntity> a, String attribute,
                                      Object value) {
        if (value != null) {
            where.add(cb.equal(a.get(attribute), value));
        }
    }

    private static void inIfGiven(List<Predicate> where, Root<AssetEntity> a, String attribute, List<String> values) {
        if (!values.isEmpty()) {
            where.add(a.get(attribute).in(values));
        }
    }

    private static AssetType parseType(String value) {
        try {
            return AssetType.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("asset_type", e.getMessage());
        }
    }

    /** A LIKE pattern for a case-insensitive substring, the caller's wildcards taken literally. */
    private static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}

package dev.metastudio.emulator.live.room;

import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetLookup;
import dev.metastudio.emulator.asset.AssetMapper;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.ErrorEnvelope;
import dev.metastudio.emulator.edge.Paging;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.live.LiveQueries;
import dev.metastudio.emulator.live.room.LiveRoomContent.LiveScene;
import dev.metastudio.emulator.live.room.LiveRoomContent.RoomType;
import dev.metastudio.emulator.live.rules.RuleCodes;
import dev.metastudio.emulator.live.rules.RuleGroups;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intelligent livestreaming rooms, reference 6.1.1-6.1.5. */
@Service
class LiveRoomService {
    private final LiveRoomRepository rooms;
    private final LiveRoomRules rules;
    private final RuleGroups ruleGroups;
    private final AssetLookup assets;
    private final AssetMapper assetMapper;
    private final Clock clock;

    LiveRoomService(LiveRoomRepository rooms, LiveRoomRules rules, RuleGroups ruleGroups, AssetLookup assets,
                    AssetMapper assetMapper, Clock clock) {
        this.rooms = rooms;
        this.rules = rules;
        this.ruleGroups = ruleGroups;
        this.assets = assets;
        this.assetMapper = assetMapper;
        this.clock = clock;
    }

    @Transactional
    public LiveRoomViews.Created create(String projectId, LiveRoomContent body) {
        Check.required(body, "request body");
        String roomId = UUID.randomUUID().toString();
        LiveRoomContent content = checked(projectId, body, roomId, null);
        Instant now = clock.instant();
        LiveRoomEntity room = new LiveRoomEntity();
        room.setRoomId(roomId);
        room.setProjectId(projectId);
        room.setRoomState(RoomState.ENABLE.name());
        apply(projectId, room, content);
        room.setCreateTime(now);
        room.setUpdateTime(now);
        rooms.save(room);
        return new LiveRoomViews.Created(roomId);
    }

    @Transactional(readOnly = true)
    public LiveRoomViews.RoomList list(String projectId, QueryParams q, String baseUrl) {
        Paging paging = Paging.of(q);
        Page<LiveRoomEntity> page = rooms.findAll((root, query, cb) -> cb.and(filters(projectId, q, cb, root)),
                paging.sorted(Sort.by(Sort.Order.desc("createTime"), Sort.Order.asc("roomId"))));
        return new LiveRoomViews.RoomList((int) page.getTotalElements(),
                page.getContent().stream().map(r -> baseInfo(r, baseUrl)).toList());
    }

    @Transactional(readOnly = true)
    public LiveRoomViews.Detail show(String projectId, String roomId, String baseUrl) {
        return detail(visible(projectId, roomId), baseUrl);
    }

    /** PUT is a full replacement (the same schema as POST, room_name required); ids of kept scenes and rules stay. */
    @Transactional
    public LiveRoomViews.Detail update(String projectId, String roomId, LiveRoomContent body, String baseUrl) {
        LiveRoomEntity room = owned(projectId, roomId);
        Check.required(body, "request body");
        LiveRoomContent content = checked(projectId, body, roomId, room.getContent());
        apply(projectId, room, content);
        room.setUpdateTime(clock.instant());
        return detail(room, baseUrl);
    }

    /**
     * Decision (the reference leaves it open, catalogue §3.5): a room whose job is WAITING or PROCESSING cannot be
     * deleted, MSS.20010036 "There are ongoing livestreaming tasks in the live room", answered 400 as every refusal.
     */
    @Transactional
    public void delete(String projectId, String roomId) {
        LiveRoomEntity room = owned(projectId, roomId);
        if (LiveState.WAITING.name().equals(room.getLastJobStatus())
                || LiveState.PROCESSING.name().equals(room.getLastJobStatus())) {
            throw new ApiException(400, LiveRoomCodes.ONGOING_JOB, "There are ongoing livestreaming tasks in the live"
                    + " room " + roomId + " (job " + room.getLastJobId() + " is " + room.getLastJobStatus()
                    + "); stop it first");
        }
        rooms.delete(room);
    }

    private LiveRoomContent checked(String projectId, LiveRoomContent body, String roomId, LiveRoomContent previous) {
        rules.validate(projectId, body);
        if (body.interactionRules() != null) {
            for (int i = 0; i < body.interactionRules().size(); i++) {
                String groupId = body.interactionRules().get(i).groupId();
                if (groupId != null && !groupId.isEmpty() && ruleGroups.name(projectId, groupId).isEmpty()) {
                    throw new ApiException(400, RuleCodes.GROUP_NOT_FOUND, "Interaction rule library not found:"
                            + " interaction_rules[" + i + "].group_id " + groupId);
                }
            }
        }
        if (rooms.existsByProjectIdAndRoomNameAndRoomIdNot(projectId, body.roomName(), roomId)) {
            throw new ApiException(400, LiveRoomCodes.DUPLICATE_NAME, "Duplicate live room name: a room named '"
                    + body.roomName() + "' already exists");
        }
        return LiveRoomRules.assignIds(body, previous, id -> ruleGroups.name(projectId, id).orElse(null));
    }

    /** Keeps the filtered columns in step with the content. */
    private void apply(String projectId, LiveRoomEntity room, LiveRoomContent c) {
        room.setContent(c);
        room.setRoomName(c.roomName());
        room.setRoomType(c.effectiveRoomType().name());
        room.setViewMode(c.viewMode().name());
        List<LiveScene> scenes = c.sceneScripts() == null ? List.of() : c.sceneScripts();
        List<String> models = scenes.stream().map(LiveScene::modelAssetId).filter(Objects::nonNull).distinct().toList();
        room.setModelAssetIds(LiveQueries.bars(models));
        room.setDhIds(LiveQueries.bars(scenes.stream().map(LiveScene::dhId).toList()));
        room.setModelNames(LiveQueries.bars(models.stream().map(id -> assets.findVisible(projectId, id)
                .map(AssetEntity::getAssetName).orElse(null)).toList()));
        LiveRoomContent.SharedConfig shared = c.sharedConfig();
        room.setSharedType(shared == null || shared.sharedType() == null ? null : shared.sharedType().name());
        room.setSharedState(shared == null || shared.sharedState() == null ? null : shared.sharedState().name());
        room.setSharedExpireTime(shared == null ? null : ApiTime.parse(shared.expireTime(), "shared_config.expire_time"));
        room.setSharedWith(shared == null || shared.allowedProjectIds() == null ? null
                : LiveQueries.bars(shared.allowedProjectIds()));
    }

    /** The caller's room, or a template another project shares with it (readable only). */
    private LiveRoomEntity visible(String projectId, String roomId) {
        return rooms.findById(roomId).filter(r -> r.getProjectId().equals(projectId) || sharedWith(r, projectId))
                .orElseThrow(() -> ApiException.notFound("live room", roomId));
    }

    private boolean sharedWith(LiveRoomEntity r, String projectId) {
        return RoomType.TEMPLATE.name().equals(r.getRoomType())
                && ("PUBLIC".equals(r.getSharedType()) || ("SHARED".equals(r.getSharedType())
                && "PUBLISHED".equals(r.getSharedState())
                && r.getSharedWith() != null && r.getSharedWith().contains("|" + projectId + "|")
                && (r.getSharedExpireTime() == null || r.getSharedExpireTime().isAfter(clock.instant()))));
    }

    /** Update and delete: only the caller's own room; anything else is MSS.20010045 "Room information not found". */
    private LiveRoomEntity owned(String projectId, String roomId) {
        return rooms.findByProjectIdAndRoomId(projectId, roomId)
                .orElseThrow(() -> new ApiException(400, LiveRoomCodes.ROOM_NOT_FOUND, "Room information not found: "
                        + roomId));
    }

    private Predicate[] filters(String projectId, QueryParams q, CriteriaBuilder cb, Root<LiveRoomEntity> r) {
        List<Predicate> where = new ArrayList<>();
        String own = q.text("template_own_type");
        if (own == null) {
            where.add(cb.equal(r.get("projectId"), projectId));
        } else {
            where.add(cb.equal(r.get("roomType"), RoomType.TEMPLATE.name()));
            switch (ownType(own)) {
                case "OWNED" -> {
                    where.add(cb.equal(r.get("projectId"), projectId));
                    where.add(cb.or(cb.isNull(r.get("sharedType")), cb.equal(r.get("sharedType"), "PRIVATE")));
                }
                case "SHARED_TO_OTHERS" -> {
                    where.add(cb.equal(r.get("projectId"), projectId));
                    where.add(cb.equal(r.get("sharedType"), "SHARED"));
                }
                case "SHARED_FROM_OTHERS" -> {
                    where.add(cb.notEqual(r.get("projectId"), projectId));
                    where.add(cb.equal(r.get("sharedType"), "SHARED"));
                    where.add(cb.equal(r.get("sharedState"), "PUBLISHED"));
                    where.add(LiveQueries.holds(cb, r.get("sharedWith"), projectId));
                    where.add(cb.or(cb.isNull(r.get("sharedExpireTime")),
                            cb.greaterThan(r.get("sharedExpireTime"), clock.instant())));
                }
                default -> where.add(cb.equal(r.get("sharedType"), "PUBLIC"));
            }
        }
        String name = q.text("room_name");
        if (name != null) {
            where.add(LiveQueries.contains(cb, r.get("roomName"), name));
        }
        String dhId = q.text("dh_id");
        if (dhId != null) {
            where.add(cb.or(LiveQueries.holds(cb, r.get("dhIds"), dhId), LiveQueries.holds(cb, r.get("modelAssetIds"),
                    dhId)));
        }
        String modelName = q.text("model_name");
        if (modelName != null) {
            where.add(LiveQueries.holdsLike(cb, r.get("modelNames"), modelName));
        }
        List<String> states = q.list("live_state");
        if (!states.isEmpty()) {
            Set<String> wanted = new LinkedHashSet<>();
            boolean none = false;
            for (String s : states) {
                switch (s) {
                    case "NULL" -> none = true;
                    case "SUCCESS", "SUCCEED" -> wanted.add(LiveState.SUCCEED.name());
                    case "WAITING", "PROCESSING", "FAILED", "CANCELED", "BLOCKED" -> wanted.add(s);
                    default -> throw ApiException.invalid("live_state", "must be a comma-separated list of WAITING,"
                            + " PROCESSING, SUCCESS, FAILED, CANCELED or NULL, got '" + s + "'");
                }
            }
            List<Predicate> any = new ArrayList<>();
            if (none) {
                any.add(cb.isNull(r.get("lastJobStatus")));
            }
            if (!wanted.isEmpty()) {
                any.add(r.get("lastJobStatus").in(wanted));
            }
            where.add(cb.or(any.toArray(Predicate[]::new)));
        }
        // start_time / end_time bound the start of the room's latest job (Table 6-44), both inclusive.
        Instant start = ApiTime.parse(q.text("start_time"), "start_time");
        Instant end = ApiTime.parse(q.text("end_time"), "end_time");
        if (start != null) {
            where.add(cb.greaterThanOrEqualTo(r.get("lastJobStartTime"), start));
        }
        if (end != null) {
            where.add(cb.lessThan(r.get("lastJobStartTime"), end.plusSeconds(1)));
        }
        RoomType type = q.single("room_type", RoomType.class, null);
        if (type != null) {
            where.add(cb.equal(r.get("roomType"), type.name()));
        }
        return where.toArray(Predicate[]::new);
    }

    /** template_own_type as printed (Owned, SHARED_TO_OHTERS, SHARED_FROM_OHTERS, Public), "OTHERS" also read. */
    private static String ownType(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace("OHTERS", "OTHERS");
        return switch (v) {
            case "OWNED", "SHARED_TO_OTHERS", "SHARED_FROM_OTHERS", "PUBLIC" -> v;
            default -> throw ApiException.invalid("template_own_type", "must be one of Owned, SHARED_TO_OHTERS,"
                    + " SHARED_FROM_OHTERS, Public, got '" + value + "'");
        };
    }

    LiveRoomViews.Detail detail(LiveRoomEntity room, String baseUrl) {
        LiveRoomContent c = room.getContent();
        LiveRoomView view = LiveRooms.view(room);
        String cover = cover(room, baseUrl);
        LiveRoomContent.PlatformLiveInfo p = c.relationLivePlatformInfo();
        List<LiveScene> scenes = c.sceneScripts() == null ? null : c.sceneScripts().stream()
                .map(LiveScene::withDefaults).toList();
        LiveRoomContent.CoStreamerConfig coStreamer = c.coStreamerConfig() == null ? null
                : new LiveRoomContent.CoStreamerConfig(c.coStreamerConfig().voiceConfig() == null ? null
                        : c.coStreamerConfig().voiceConfig().withDefaults(), c.coStreamerConfig().streamerAction());
        return new LiveRoomViews.Detail(c.roomName(), c.roomDescription(), c.effectiveRoomType(), scenes,
                view.interactionConfig(), c.interactionRules() == null ? null : view.interactionRules(),
                view.playPolicy(), view.videoConfig(), c.outputUrls(), c.streamKeys(), c.backupModelAssetIds(),
                view.liveEventCallbackConfig(), view.rtcCallbackConfig(), c.reviewConfig(), c.sharedConfig(),
                view.viewMode(), coStreamer, c.privData(), room.getRoomId(),
                p == null ? null : new LiveRoomViews.PlatformLiveDetail(p.platformId(), null, null, p.liveId()),
                ApiTime.format(room.getCreateTime()), ApiTime.format(room.getUpdateTime()), cover, cover,
                view.roomState(), error(room));
    }

    private LiveRoomViews.BaseInfo baseInfo(LiveRoomEntity room, String baseUrl) {
        LiveRoomContent c = room.getContent();
        String cover = cover(room, baseUrl);
        List<LiveRoomViews.ModelInfo> models = new ArrayList<>();
        for (LiveScene scene : c.sceneScripts() == null ? List.<LiveScene>of() : c.sceneScripts()) {
            String id = scene.modelAssetId();
            if (id != null && !id.isEmpty() && models.stream().noneMatch(m -> m.modelAssetId().equals(id))) {
                models.add(new LiveRoomViews.ModelInfo(id, assets.findShown(room.getProjectId(), id)
                        .map(AssetEntity::getAssetName).orElse(null), c.backupModelAssetIds()));
            }
        }
        return new LiveRoomViews.BaseInfo(room.getRoomId(), room.getProjectId(), room.getRoomName(),
                c.effectiveRoomType(), RoomState.valueOf(room.getRoomState()),
                LiveRoomContent.ViewMode.valueOf(room.getViewMode()), error(room), c.sharedConfig(),
                c.roomDescription(), cover, cover, models, ApiTime.format(room.getCreateTime()),
                ApiTime.format(room.getUpdateTime()), ApiTime.format(room.getLastJobStartTime()),
                ApiTime.format(room.getLastJobEndTime()),
                room.getLastJobStatus() == null ? null : LiveState.valueOf(room.getLastJobStatus()), c.privData());
    }

    private static ErrorEnvelope error(LiveRoomEntity room) {
        return room.getErrorCode() == null ? null : ErrorEnvelope.of(room.getErrorCode(), room.getErrorMsg());
    }

    /** The presenter's cover stands for the room (cover_url and thumbnail), as the console's room list shows it. */
    private String cover(LiveRoomEntity room, String baseUrl) {
        String model = LiveRooms.view(room).modelAssetId();
        return model == null ? null : assets.findVisible(room.getProjectId(), model)
                .map(asset -> assetMapper.coverUrl(asset, baseUrl)).orElse(null);
    }
}

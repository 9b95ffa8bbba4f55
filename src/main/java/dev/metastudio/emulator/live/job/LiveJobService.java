package dev.metastudio.emulator.live.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metastudio.emulator.callback.Callbacks;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.config.ServerSecrets;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.live.room.LiveRoomView;
import dev.metastudio.emulator.live.room.LiveRooms;
import dev.metastudio.emulator.live.room.LiveState;
import dev.metastudio.emulator.live.room.RoomState;
import dev.metastudio.emulator.work.WorkCommand;
import dev.metastudio.emulator.work.WorkQueue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Live jobs, reference 6.2.1-6.2.7. */
@Service
class LiveJobService {
    /** The commands of reference 11.5 (and the SDK's enum, which adds RESET_EXIT_CONFIG but not SHOW_LAYER). */
    static final Set<String> COMMANDS = Set.of("INSERT_PLAY_SCRIPT", "INSERT_PLAY_AUDIO", "REWRITE_PLAY_SCRIPT",
            "REWRITE_INTERACTION_RULES", "GET_CURRENT_PLAYING_SCRIPTS", "SHOW_LAYER", "REFRESH_OUTPUT_URL",
            "GET_LIVE_JOB_CONFIG_INFO", "CLEAN_UP_INSERT_COMMAND");
    /** How long a live_event_report_url stays valid. */
    static final Duration REPORT_URL_LIFETIME = Duration.ofHours(24);
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(10);
    private static final Set<String> STATES = Set.of("WAITING", "PROCESSING", "SUCCEED", "FAILED", "BLOCKED");

    private final LiveJobRows rows;
    private final LiveRooms rooms;
    private final WorkQueue queue;
    private final Callbacks callbacks;
    private final ServerSecrets secrets;
    private final Clock clock;
    private final LiveSpecResolver resolver;

    LiveJobService(LiveJobRows rows, LiveRooms rooms, WorkQueue queue, Callbacks callbacks, ServerSecrets secrets,
                   Clock clock, LiveSpecResolver resolver) {
        this.resolver = resolver;
        this.rows = rows;
        this.rooms = rooms;
        this.queue = queue;
        this.callbacks = callbacks;
        this.secrets = secrets;
        this.clock = clock;
    }

    // ---- 6.2.1 start

    @Transactional
    Map<String, Object> start(String projectId, String roomId, JsonNode body, String baseUrl) {
        ObjectNode start = body instanceof ObjectNode o ? o : JsonColumns.MAPPER.createObjectNode();
        LiveRoomView room = rooms.find(projectId, roomId).orElseThrow(() -> new ApiException(400,
                LiveCodes.ROOM_NOT_FOUND, "Room information not found: " + roomId));
        if (room.roomState() != RoomState.ENABLE) {
            throw new ApiException(400, "MSS.20010069", "Live room unavailable: the room is " + room.roomState());
        }
        ObjectNode config = JsonColumns.MAPPER.valueToTree(room.config());
        for (String field : List.of("video_config", "play_policy", "output_urls", "stream_keys",
                "live_event_callback_config", "rtc_callback_config", "co_streamer_config", "view_mode")) {
            JsonNode v = start.get(field);
            if (v != null && !v.isNull()) {
                config.set(field, v);
            }
        }
        if (!config.has("view_mode") || config.get("view_mode").isNull()) {
            config.put("view_mode", room.viewMode().name());
        }
        LiveConfig live = LiveConfig.of(config);
        String size = live.width() + "x" + live.height();
        if (!size.equals("1920x1080") && !size.equals("1080x1920")) {
            throw ApiException.invalid("video_config", "livestreaming supports only 1920x1080 and 1080x1920, got "
                    + size);
        }
        checkOutput(config.get("output_urls"), config.get("stream_keys"));
        String interactionUrl = LiveConfig.text(start, "interaction_callback_url");
        JsonNode callbackConfig = config.get("live_event_callback_config");
        checkCallback(callbackConfig);
        if (rows.active(projectId, roomId).isPresent()) {
            throw ongoing(roomId);
        }
        Instant now = clock.instant();
        String jobId = UUID.randomUUID().toString();
        Map<String, Object> rtc = rtcRoom(projectId, jobId, live, now);
        long expires = now.plus(REPORT_URL_LIFETIME).toEpochMilli();
        String reportUrl = reportUrl(baseUrl, projectId, roomId, jobId, expires);
        LiveJob job = new LiveJob(jobId, projectId, roomId, room.roomName(), room.roomType().name(),
                LiveJobState.WAITING, JsonColumns.write(config), JsonColumns.write(rtc),
                callbackConfig == null || callbackConfig.isNull() ? null : JsonColumns.write(callbackConfig),
                config.has("rtc_callback_config") ? JsonColumns.write(config.get("rtc_callback_config")) : null,
                config.has("co_streamer_config") ? JsonColumns.write(config.get("co_streamer_config")) : null,
                interactionUrl, live.outputUrl(), live.streamKey(), null, null, null, null, now, now, null, null);
        try {
            rows.insert(job);
        } catch (DataIntegrityViolationException e) {
            throw ongoing(roomId);
        }
        queue.submit(LiveWork.KIND, projectId, jobId, "cpu");
        rooms.markLiveState(projectId, roomId, jobId, LiveState.WAITING, null, null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("job_id", jobId);
        out.put("rtc_room_info", rtc);
        out.put("live_event_report_url", reportUrl);
        if (callbackConfig != null && !callbackConfig.isNull()) {
            out.put("live_event_callback_config", callbackConfig);
        }
        out.put("live_warning_info", warnings(live));
        return out;
    }

    private static ApiException ongoing(String roomId) {
        return new ApiException(400, LiveCodes.ONGOING_JOB, "There are ongoing livestreaming tasks in the live room "
                + roomId);
    }

    /** One RTMP address at most; rtmp:// only; its host must be one the callbacks' allow-list allows. */
    void checkOutput(JsonNode urls, JsonNode keys) {
        if (urls != null && urls.isArray() && urls.size() > 1) {
            throw ApiException.invalid("output_urls", "takes only one address, got " + urls.size());
        }
        if (keys != null && keys.isArray() && keys.size() > 1) {
            throw ApiException.invalid("stream_keys", "takes only one key, got " + keys.size());
        }
        String url = urls != null && urls.isArray() && !urls.isEmpty() ? urls.get(0).asText() : null;
        if (url == null || url.isEmpty()) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new ApiException(400, LiveCodes.INVALID_RTMP_URL, "Invalid RTMP URL: output_urls[0] " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtmp") || uri.getHost() == null || url.length() > 2048) {
            throw new ApiException(400, LiveCodes.INVALID_RTMP_URL, "Invalid RTMP URL: output_urls[0] must be an"
                    + " rtmp://host[:port]/app URL of at most 2,048 characters, got '" + url + "'");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : 1935;
        String refusal = callbacks.whyOutboundRefused(uri.getHost(), port);
        if (refusal != null) {
            throw new ApiException(400, LiveCodes.INVALID_RTMP_URL, "Invalid RTMP URL: output_urls[0]: " + refusal);
        }
    }

    private void checkCallback(JsonNode config) {
        String url = LiveConfig.text(config, "live_event_type_callback_url");
        if (url == null || url.isEmpty()) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new ApiException(400, ErrorCodes.INVALID_URL, "Invalid URL: live_event_callback_config"
                    + ".live_event_type_callback_url " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw new ApiException(400, ErrorCodes.INVALID_URL, "Invalid URL: live_event_callback_config"
                    + ".live_event_type_callback_url must be an http(s) URL");
        }
        String refusal = callbacks.whyOutboundRefused(uri.getHost(), uri.getPort() >= 0 ? uri.getPort()
                : scheme.equals("https") ? 443 : 80);
        if (refusal != null) {
            throw ApiException.invalid("live_event_callback_config.live_event_type_callback_url", refusal);
        }
        // Table 6-31, as the room's own configuration is checked (LiveRoomRules.callback).
        String auth = LiveConfig.textOr(config, "auth_type", "NONE");
        if (!List.of("NONE", "MSS_A", "MSS_A_HEAD", "MEITUAN_DEFAULT").contains(auth)) {
            throw ApiException.invalid("live_event_callback_config.auth_type", "must be NONE, MSS_A, MSS_A_HEAD or"
                    + " MEITUAN_DEFAULT, got '" + auth + "'");
        }
        String key = LiveConfig.text(config, "key");
        if (key != null && key.length() > 32) {
            throw ApiException.invalid("live_event_callback_config.key", "must be at most 32 characters long");
        }
        if (!auth.equals("NONE") && (key == null || key.isEmpty())) {
            throw ApiException.invalid("live_event_callback_config.key", "is required for auth_type " + auth);
        }
    }

    /**
     * live_warning_info (Table 6-275; the reference gives no thresholds, these are the emulator's): fewer than 10
     * paragraphs TOO_LESS_SCRIPT_ITEMS; under 10 minutes of speech (at 150 words or 300 CJK characters a minute)
     * TOO_SHORT_SCRIPT_TIME; fewer than 5 enabled comment rules TOO_LESS_DANMAKU_RULES; random_play_mode NONE
     * RANDOM_PLAY_CLOSED; no backup_model_asset_ids ROTATION_MODEL_CLOSED.
     */
    static List<Map<String, String>> warnings(LiveConfig c) {
        List<Map<String, String>> out = new ArrayList<>();
        if (c.paragraphCount() < 10) {
            out.add(Map.of("warning_type", "TOO_LESS_SCRIPT_ITEMS"));
        }
        double minutes = 0;
        for (LiveConfig.SceneScript s : c.scenes()) {
            for (LiveConfig.Paragraph p : s.paragraphs()) {
                String text = p.text() == null ? "" : p.text().replaceAll("<[^>]*>", "");
                long cjk = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                        .count();
                long words = text.replaceAll("\\p{IsHan}", " ").trim().isEmpty() ? 0
                        : text.replaceAll("\\p{IsHan}", " ").trim().split("\\s+").length;
                minutes += words / 150.0 + cjk / 300.0;
            }
        }
        if (minutes < 10) {
            out.add(Map.of("warning_type", "TOO_SHORT_SCRIPT_TIME"));
        }
        long comments = c.rules().stream().filter(r -> r.path("enabled").asBoolean(true)
                && r.path("event_type").asInt() == 1).count();
        if (comments < 5) {
            out.add(Map.of("warning_type", "TOO_LESS_DANMAKU_RULES"));
        }
        if ("NONE".equals(c.playPolicy().randomPlayMode())) {
            out.add(Map.of("warning_type", "RANDOM_PLAY_CLOSED"));
        }
        if (c.backupModels().isEmpty()) {
            out.add(Map.of("warning_type", "ROTATION_MODEL_CLOSED"));
        }
        return out;
    }

    /**
     * A well-formed RTCRoomInfoList: the emulator serves no RTC media (README), so these identify the job only.
     * need_independent_capture_client adds a CAPTURE user to the PLAYER.
     */
    private Map<String, Object> rtcRoom(String projectId, String jobId, LiveConfig c, Instant now) {
        byte[] key = secrets.get("live-rtc");
        List<Map<String, Object>> users = new ArrayList<>();
        List<String> types = new ArrayList<>(List.of("PLAYER"));
        if (c.document().path("play_policy").path("need_independent_capture_client").asBoolean(false)) {
            types.add(0, "CAPTURE");
        }
        long ctime = now.plus(Duration.ofDays(1)).getEpochSecond();
        for (String type : types) {
            String userId = type.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().replace("-", "")
                    .substring(0, 16);
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("user_type", type);
            u.put("user_id", userId);
            u.put("signature", hmac(key, jobId + "|" + userId + "|" + ctime));
            u.put("ctime", ctime);
            users.add(u);
        }
        Map<String, Object> rtc = new LinkedHashMap<>();
        rtc.put("app_id", hmac(key, "app|" + projectId).substring(0, 32));
        rtc.put("room_id", jobId.replace("-", ""));
        rtc.put("users", users);
        return rtc;
    }

    String reportUrl(String baseUrl, String projectId, String roomId, String jobId, long expires) {
        return baseUrl + "/v1/" + enc(projectId) + "/smart-live-rooms/" + enc(roomId) + "/smart-live-jobs/"
                + enc(jobId) + "/live-event-report?auth_key=" + authKey(projectId, roomId, jobId, expires)
                + "&expires_time=" + expires;
    }

    private String authKey(String projectId, String roomId, String jobId, long expires) {
        return hmac(secrets.get("live-event-report"), projectId + "|" + roomId + "|" + jobId + "|" + expires);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- 6.2.2 / 6.2.6 lists, 6.2.3 show

    Map<String, Object> list(String projectId, String roomId, QueryParams q) {
        int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
        int limit = q.integer("limit", 10, 1, 100);
        List<String> states = new ArrayList<>();
        for (String s : q.list("state")) {
            if (!STATES.contains(s)) {
                throw ApiException.invalid("state", "takes WAITING, PROCESSING, SUCCEED, FAILED or BLOCKED, got '"
                        + s + "'");
            }
            states.add(s);
        }
        String sortKey = q.oneOf("sort_key", List.of("create_time", "update_time", "asset_order"), "create_time");
        String sortDir = q.oneOf("sort_dir", List.of("asc", "desc"), "asc");
        Instant since = q.text("create_since") == null ? null : ApiTime.parse(q.text("create_since"), "create_since");
        Instant until = q.text("create_until") == null ? null : ApiTime.parse(q.text("create_until"), "create_until");
        LiveJobRows.Filter f = new LiveJobRows.Filter(projectId, roomId, states, since, until,
                roomId == null ? q.text("room_name") : null, sortKey, sortDir.equals("desc"), offset, limit);
        List<Map<String, Object>> jobs = rows.list(f).stream().map(LiveJobService::view).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", rows.count(f));
        out.put("smart_live_jobs", jobs);
        return out;
    }

    Map<String, Object> show(String projectId, String roomId, String jobId) {
        return view(job(projectId, roomId, jobId));
    }

    private LiveJob job(String projectId, String roomId, String jobId) {
        return rows.find(jobId).filter(j -> j.projectId().equals(projectId) && j.roomId().equals(roomId))
                .orElseThrow(() -> new ApiException(404, LiveCodes.JOB_NOT_FOUND, "Livestreaming task not found: "
                        + jobId));
    }

    static Map<String, Object> view(LiveJob j) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("job_id", j.jobId());
        v.put("room_id", j.roomId());
        v.put("room_name", j.roomName());
        v.put("state", j.state().name());
        v.put("duration", j.duration() == null ? 0.0 : j.duration());
        v.put("start_time", j.startTime() == null ? null : ApiTime.format(j.startTime()));
        v.put("end_time", j.endTime() == null ? null : ApiTime.format(j.endTime()));
        if (j.errorCode() != null) {
            v.put("error_info", Map.of("error_code", j.errorCode(), "error_msg", j.errorMsg() == null ? ""
                    : j.errorMsg()));
        }
        v.put("create_time", ApiTime.format(j.createTime()));
        v.put("lastupdate_time", ApiTime.format(j.updateTime()));
        v.put("rtc_room_info", j.rtcRoomInfo() == null ? null : JsonColumns.read(j.rtcRoomInfo(), JsonNode.class));
        if (j.liveEventCallbackConfig() != null) {
            v.put("live_event_callback_config", JsonColumns.read(j.liveEventCallbackConfig(), JsonNode.class));
        }
        v.put("rtc_callback_config", j.rtcCallbackConfig() == null
                ? Map.of("rtc_callback_event_type", List.of("LIVE_PROGRESS"))
                : JsonColumns.read(j.rtcCallbackConfig(), JsonNode.class));
        v.put("stream_duration", j.streamDuration() == null ? 0.0 : j.streamDuration());
        if (j.coStreamerConfig() != null) {
            v.put("co_streamer_config", JsonColumns.read(j.coStreamerConfig(), JsonNode.class));
        }
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    // ---- 6.2.4 stop

    void stop(String projectId, String roomId, String jobId) {
        LiveJob job = job(projectId, roomId, jobId);
        if (job.state().terminal()) {
            throw notRunning(job);
        }
        if (queue.stop(LiveWork.KIND, jobId).isEmpty()) {
            throw notRunning(rows.find(jobId).orElse(job));
        }
    }

    private static ApiException notRunning(LiveJob job) {
        return new ApiException(400, LiveCodes.NOT_RUNNING, "The livestreaming task is not in the running status."
                + " The task ID is " + job.jobId() + " and the status is " + job.state() + ".");
    }

    // ---- 6.2.5 command

    Map<String, Object> command(String projectId, String roomId, String jobId, JsonNode body) {
        String command = LiveConfig.text(body, "command");
        if (command == null || command.isEmpty()) {
            throw ApiException.invalid("command", "is required");
        }
        if (!COMMANDS.contains(command)) {
            throw new ApiException(400, LiveCodes.INVALID_COMMAND, "Invalid command. Check the parameter command: '"
                    + command + "'");
        }
        LiveJob job = job(projectId, roomId, jobId);
        if (job.state() != LiveJobState.PROCESSING) {
            throw notRunning(job);
        }
        JsonNode params = body.get("params");
        params = params == null || params.isNull() ? JsonColumns.MAPPER.createObjectNode() : params;
        checkParams(projectId, command, params);
        WorkCommand sent = queue.command(LiveWork.KIND, jobId, command, JsonColumns.write(params))
                .orElseThrow(() -> notRunning(rows.find(jobId).orElse(job)));
        WorkCommand done = await(sent.commandId());
        if (done.state() == WorkCommand.State.FAILED) {
            JsonNode error = JsonColumns.read(done.result(), JsonNode.class);
            String code = LiveConfig.textOr(error, "error_code", "MSS.20010147");
            int status = code.equals("MSS.20010147") || code.equals(LiveCodes.FIELD_ERROR) ? 400 : 500;
            throw new ApiException(status, code, LiveConfig.textOr(error, "error_msg", "Command delivery failed"));
        }
        if (!done.state().finished()) {
            throw new ApiException(400, "MSS.20010147", "Command delivery failed: the job did not take the command"
                    + " within " + COMMAND_WAIT.toSeconds() + " s");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command_id", sent.commandId());
        out.put("command", command);
        out.put("result", done.result() == null ? "" : done.result());
        return out;
    }

    private WorkCommand await(String commandId) {
        try {
            return queue.awaitCommand(commandId, COMMAND_WAIT).orElseThrow(() -> new ApiException(500,
                    LiveCodes.JOB_GONE, "The livestreaming task does not exist or has expired"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(500, ErrorCodes.INTERNAL_ERROR, "interrupted");
        }
    }

    private void checkParams(String projectId, String command, JsonNode params) {
        switch (command) {
            case "INSERT_PLAY_SCRIPT" -> {
                String text = LiveConfig.text(params.path("text_config"), "text");
                if (text == null || text.isEmpty()) {
                    throw ApiException.invalid("params.text_config.text", "is required");
                }
                if (text.length() > 131_072) {
                    throw ApiException.invalid("params.text_config.text", "must be at most 131072 characters");
                }
                playType(params);
            }
            case "INSERT_PLAY_AUDIO" -> {
                playType(params);
                String url = LiveConfig.text(params, "audio_url");
                if (url == null || url.isEmpty()) {
                    throw ApiException.invalid("params.audio_url", "is required");
                }
                if (url.length() > 2048) {
                    throw ApiException.invalid("params.audio_url", "must be at most 2048 characters");
                }
                playRole(params);
                resolver.audioAsset(projectId, url);
            }
            case "SHOW_LAYER" -> checkLayer(projectId, params);
            case "REFRESH_OUTPUT_URL" -> {
                JsonNode urls = params.get("output_urls");
                if (urls == null || !urls.isArray() || urls.isEmpty()) {
                    throw ApiException.invalid("params.output_urls", "is required (one rtmp:// address)");
                }
                checkOutput(urls, params.get("stream_keys"));
            }
            case "REWRITE_PLAY_SCRIPT" -> {
                JsonNode scenes = params.isArray() ? params : params.get("scene_scripts");
                if (scenes == null || !scenes.isArray() || scenes.isEmpty()) {
                    throw ApiException.invalid("params.scene_scripts", "is required");
                }
            }
            case "REWRITE_INTERACTION_RULES" -> {
                JsonNode rules = params.isArray() ? params : params.get("interaction_rules");
                if (rules == null || !rules.isArray()) {
                    throw ApiException.invalid("params.interaction_rules", "is required");
                }
            }
            default -> {
            }
        }
    }

    private static void playRole(JsonNode params) {
        String role = LiveConfig.text(params, "play_role");
        if (role != null && !role.isEmpty() && !Set.of("STREAMER", "CO_STREAMER").contains(role)) {
            throw ApiException.invalid("params.play_role", "takes STREAMER or CO_STREAMER, got '" + role + "'");
        }
    }

    /**
     * SHOW_LAYER: its params structure (LiveGuideRuleInfo) is not defined by the reference; the emulator takes the
     * documented SmartLayerConfig (Table 6-23), as {@code params.layer_config} or as params themselves. IMAGE layers
     * only (VIDEO and TEXT answer MSS.20010147).
     */
    private void checkLayer(String projectId, JsonNode params) {
        JsonNode layer = LiveSpecResolver.layerOf(params);
        String field = layer == params ? "params" : "params.layer_config";
        String type = LiveConfig.text(layer, "layer_type");
        if (type == null || type.isEmpty()) {
            throw ApiException.invalid(field + ".layer_type", "is required (IMAGE, VIDEO or TEXT)");
        }
        if (!Set.of("IMAGE", "VIDEO", "TEXT").contains(type)) {
            throw ApiException.invalid(field + ".layer_type", "takes IMAGE, VIDEO or TEXT, got '" + type + "'");
        }
        if (!type.equals("IMAGE")) {
            throw new ApiException(400, "MSS.20010147", "Command delivery failed: SHOW_LAYER of a " + type
                    + " layer is not emulated (IMAGE only)");
        }
        for (String[] f : new String[][]{{"position", "dx"}, {"position", "dy"}, {"size", "width"},
                {"size", "height"}}) {
            JsonNode v = layer.path(f[0]).get(f[1]);
            if (v != null && !v.isNull() && (!v.canConvertToInt() || (f[0].equals("size") && v.asInt() < 0))) {
                throw ApiException.invalid(field + "." + f[0] + "." + f[1], f[0].equals("size")
                        ? "must be a non-negative integer" : "must be an integer");
            }
        }
        JsonNode d = layer.path("image_config").get("display_duration");
        if (d != null && !d.isNull() && (!d.canConvertToInt() || d.asInt() < 0 || d.asInt() > 3600)) {
            throw ApiException.invalid(field + ".image_config.display_duration", "takes 0-3600 seconds, got " + d);
        }
        String assetId = LiveConfig.text(layer, "asset_id");
        String url = LiveConfig.text(layer.path("image_config"), "image_url");
        if ((assetId == null || assetId.isEmpty()) && (url == null || url.isEmpty())) {
            throw ApiException.invalid(field + ".image_config.image_url", "is required (or asset_id)");
        }
        resolver.layerImage(projectId, layer, field);
    }

    private static void playType(JsonNode params) {
        String playType = LiveConfig.text(params, "play_type");
        if (playType != null && !Set.of("APPEND", "INSERT", "PLAY_NOW").contains(playType)) {
            throw ApiException.invalid("params.play_type", "takes APPEND, INSERT or PLAY_NOW, got '" + playType + "'");
        }
    }

    // ---- 6.2.7 live-event-report

    Map<String, Object> report(String projectId, String roomId, String jobId, String authKey, Long expiresTime,
                               Boolean refreshUrl, boolean authenticated, JsonNode body, String baseUrl) {
        if (authKey != null) {
            if (expiresTime == null || !MessageDigest.isEqual(authKey.getBytes(StandardCharsets.UTF_8),
                    authKey(projectId, roomId, jobId, expiresTime).getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(401, LiveCodes.REPORT_AUTH_FAILED, "Live event report authentication failed");
            }
            if (expiresTime < clock.millis()) {
                throw new ApiException(401, LiveCodes.REPORT_EXPIRED, "The reporting event has expired");
            }
        } else if (!authenticated) {
            throw new ApiException(401, LiveCodes.REPORT_AUTH_FAILED, "Live event report authentication failed:"
                    + " auth_key is required");
        }
        Optional<LiveJob> found = rows.find(jobId).filter(j -> j.projectId().equals(projectId)
                && j.roomId().equals(roomId));
        if (found.isEmpty() || found.get().state() != LiveJobState.PROCESSING) {
            throw new ApiException(found.isEmpty() ? 404 : 400, LiveCodes.JOB_GONE, "The livestreaming task does not exist or has expired: "
                    + jobId);
        }
        JsonNode total = body == null ? null : body.get("total");
        if (total == null || !total.canConvertToInt() || total.asInt() < 1 || total.asInt() > 1000) {
            throw ApiException.invalid("total", "is required, 1-1000");
        }
        JsonNode events = body.get("events");
        if (events != null && !(events instanceof ArrayNode)) {
            throw ApiException.invalid("events", "must be a list");
        }
        for (JsonNode e : LiveConfig.array(body, "events")) {
            if (!e.has("timestamp") || !e.get("timestamp").canConvertToLong()) {
                throw ApiException.invalid("events[].timestamp", "is required");
            }
        }
        ObjectNode payload = JsonColumns.MAPPER.createObjectNode();
        payload.set("events", events == null ? JsonColumns.MAPPER.createArrayNode() : events);
        queue.command(LiveWork.KIND, jobId, "LIVE_EVENT", JsonColumns.write(payload));
        long expires = Boolean.TRUE.equals(refreshUrl) || expiresTime == null
                ? clock.instant().plus(REPORT_URL_LIFETIME).toEpochMilli() : expiresTime;
        return Map.of("live_event_report_url", reportUrl(baseUrl, projectId, roomId, jobId, expires));
    }
}

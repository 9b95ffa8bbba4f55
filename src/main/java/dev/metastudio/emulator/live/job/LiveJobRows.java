package dev.metastudio.emulator.live.job;

import dev.metastudio.emulator.config.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The live_job table. Transitions lock the row (after the work item, the queue's lock order). */
@Component
class LiveJobRows {
    private static final String COLUMNS = "job_id, project_id, room_id, room_name, room_type, state, config,"
            + " rtc_room_info, live_event_callback_config, rtc_callback_config, co_streamer_config,"
            + " interaction_callback_url, output_url, stream_key, duration, stream_duration, error_code, error_msg,"
            + " create_time, update_time, start_time, end_time";
    private static final RowMapper<LiveJob> MAPPER = LiveJobRows::map;

    private final JdbcTemplate jdbc;

    LiveJobRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a WAITING job holding its room; false when another job of the room is active. */
    void insert(LiveJob j) {
        jdbc.update("INSERT INTO live_job (" + COLUMNS + ", active_room) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", j.jobId(), j.projectId(), j.roomId(), j.roomName(),
                j.roomType(), j.state().name(), j.config(), j.rtcRoomInfo(), j.liveEventCallbackConfig(),
                j.rtcCallbackConfig(), j.coStreamerConfig(), j.interactionCallbackUrl(), j.outputUrl(), j.streamKey(),
                j.duration(), j.streamDuration(), j.errorCode(), j.errorMsg(), ts(j.createTime()), ts(j.updateTime()),
                ts(j.startTime()), ts(j.endTime()), j.roomId());
    }

    Optional<LiveJob> find(String jobId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM live_job WHERE job_id = ?", MAPPER, jobId).stream().findFirst();
    }

    Optional<LiveJob> lock(String jobId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM live_job WHERE job_id = ? FOR UPDATE", MAPPER, jobId).stream()
                .findFirst();
    }

    Optional<LiveJob> active(String projectId, String roomId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM live_job WHERE project_id = ? AND active_room = ?", MAPPER,
                projectId, roomId).stream().findFirst();
    }

    boolean start(String jobId, Instant now) {
        return jdbc.update("UPDATE live_job SET state = 'PROCESSING', start_time = COALESCE(start_time, ?),"
                + " update_time = ? WHERE job_id = ? AND state = 'WAITING'", ts(now), ts(now), jobId) == 1;
    }

    /** The terminal transition: frees the room. False when the job was already terminal. */
    boolean finish(String jobId, LiveJobState state, String code, String message, Double duration,
                   Double streamDuration, Instant now) {
        return jdbc.update("UPDATE live_job SET state = ?, active_room = NULL, error_code = ?, error_msg = ?,"
                        + " duration = COALESCE(?, duration), stream_duration = COALESCE(?, stream_duration),"
                        + " end_time = ?, update_time = ? WHERE job_id = ? AND state IN ('WAITING', 'PROCESSING')",
                state.name(), code, message == null ? null : truncate(message, 2048), duration, streamDuration,
                ts(now), ts(now), jobId) == 1;
    }

    void requeue(String jobId, Instant now) {
        jdbc.update("UPDATE live_job SET state = 'WAITING', update_time = ? WHERE job_id = ? AND state = 'PROCESSING'",
                ts(now), jobId);
    }

    void updateConfig(String jobId, String config, Instant now) {
        jdbc.update("UPDATE live_job SET config = ?, update_time = ? WHERE job_id = ?", config, ts(now), jobId);
    }

    void updateOutput(String jobId, String url, String key, Instant now) {
        jdbc.update("UPDATE live_job SET output_url = ?, stream_key = ?, update_time = ? WHERE job_id = ?", url, key,
                ts(now), jobId);
    }

    void updateDurations(String jobId, double duration, double streamDuration, Instant now) {
        jdbc.update("UPDATE live_job SET duration = ?, stream_duration = ?, update_time = ? WHERE job_id = ?",
                duration, streamDuration, ts(now), jobId);
    }

    record Filter(String projectId, String roomId, List<String> states, Instant since, Instant until, String roomName,
                  String sortKey, boolean desc, int offset, int limit) {
    }

    List<LiveJob> list(Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        String order = switch (f.sortKey() == null ? "create_time" : f.sortKey()) {
            case "update_time" -> "update_time";
            default -> "create_time";
        };
        args.add(f.limit());
        args.add(f.offset());
        return jdbc.query("SELECT " + COLUMNS + " FROM live_job WHERE " + where + " ORDER BY " + order
                + (f.desc() ? " DESC" : " ASC") + ", job_id LIMIT ? OFFSET ?", MAPPER, args.toArray());
    }

    long count(Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM live_job WHERE " + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder("project_id = ?");
        args.add(f.projectId());
        if (f.roomId() != null) {
            w.append(" AND room_id = ?");
            args.add(f.roomId());
        }
        if (f.states() != null && !f.states().isEmpty()) {
            w.append(" AND state IN (").append(String.join(", ", f.states().stream().map(s -> "?").toList()))
                    .append(")");
            args.addAll(f.states());
        }
        if (f.since() != null) {
            w.append(" AND create_time >= ?");
            args.add(ts(f.since()));
        }
        if (f.until() != null) {
            w.append(" AND create_time <= ?");
            args.add(ts(f.until()));
        }
        if (f.roomName() != null && !f.roomName().isEmpty()) {
            w.append(" AND LOWER(room_name) LIKE ? ESCAPE '\\'");
            args.add("%" + f.roomName().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return w.toString();
    }

    List<String> activeJobIds(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        return jdbc.queryForList("SELECT job_id FROM live_job WHERE state IN ('WAITING', 'PROCESSING') AND "
                + scope.condition("project_id"), String.class, scope.argument());
    }

    int deleteProject(String projectId) {
        TenantScope scope = new TenantScope(projectId);
        return jdbc.update("DELETE FROM live_job WHERE " + scope.condition("project_id"), scope.argument());
    }

    private static LiveJob map(ResultSet rs, int row) throws SQLException {
        return new LiveJob(rs.getString("job_id"), rs.getString("project_id"), rs.getString("room_id"),
                rs.getString("room_name"), rs.getString("room_type"), LiveJobState.valueOf(rs.getString("state")),
                rs.getString("config"), rs.getString("rtc_room_info"), rs.getString("live_event_callback_config"),
                rs.getString("rtc_callback_config"), rs.getString("co_streamer_config"),
                rs.getString("interaction_callback_url"), rs.getString("output_url"), rs.getString("stream_key"),
                (Double) rs.getObject("duration", Double.class), rs.getObject("stream_duration", Double.class),
                rs.getString("error_code"), rs.getString("error_msg"), instant(rs, "create_time"),
                instant(rs, "update_time"), instant(rs, "start_time"), instant(rs, "end_time"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

package dev.metastudio.emulator.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The SQL of the queue: every read and write of work_item and work_command. */
@Component
class WorkRows {
    static final String PAUSED_FLAG = "queue.paused";
    private static final String COLUMNS = "work_id, kind, project_id, subject_id, capability, queue_state, job_state,"
            + " state_since, attempts, lease_owner, lease_until, last_owner, progress_done, progress_total, signal_seq,"
            + " stop_requested, awaiting_state, granted_state, create_time, update_time, start_time, end_time";
    private static final String CANDIDATES = "SELECT w.work_id FROM work_item w WHERE w.queue_state = 'QUEUED'"
            + " AND w.kind IN (%s) AND w.capability IN (%s) AND (SELECT COUNT(*) FROM work_item p"
            + " WHERE p.project_id = w.project_id AND p.kind = w.kind AND p.queue_state = 'RUNNING') < ?"
            + " AND NOT EXISTS (SELECT 1 FROM emulator_flag f WHERE f.name = '" + PAUSED_FLAG + "' AND f.flag_value = 'true')"
            + " ORDER BY w.create_time, w.work_id";
    private static final RowMapper<WorkItem> ITEM = WorkRows::item;
    private static final RowMapper<WorkCommand> COMMAND = WorkRows::command;

    /** What a node learns about one of its running items at each signal poll. */
    record Signal(String workId, long seq, boolean stopRequested, String grantedState, int pendingCommands) {
    }

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    WorkRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WorkItem w) {
        jdbc.update("INSERT INTO work_item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?)", w.workId(), w.kind(), w.projectId(), w.subjectId(), w.capability(),
                w.queueState().name(), w.jobState(), ts(w.stateSince()), w.attempts(), w.leaseOwner(),
                ts(w.leaseUntil()), w.lastOwner(), w.progressDone(), w.progressTotal(), w.signalSeq(),
                w.stopRequested(), w.awaitingState(), w.grantedState(), ts(w.createTime()), ts(w.updateTime()),
                ts(w.startTime()), ts(w.endTime()));
    }

    Optional<WorkItem> find(String workId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM work_item WHERE work_id = ?", ITEM, workId).stream().findFirst();
    }

    Optional<WorkItem> find(String kind, String subjectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM work_item WHERE kind = ? AND subject_id = ?", ITEM, kind,
                subjectId).stream().findFirst();
    }

    /** The item of a job id whatever its kind (job ids are UUIDs); the newest if kinds ever shared one. */
    Optional<WorkItem> findBySubject(String subjectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM work_item WHERE subject_id = ? ORDER BY create_time DESC", ITEM,
                subjectId).stream().findFirst();
    }

    /** Row lock for the rest of the transaction, then the row as locked. */
    Optional<WorkItem> lock(String workId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM work_item WHERE work_id = ? FOR UPDATE", ITEM, workId).stream()
                .findFirst();
    }

    /** The row locked, if this node still holds it. */
    Optional<WorkItem> lockHeld(String workId, String nodeId) {
        return lock(workId).filter(w -> w.queueState() == QueueState.RUNNING && nodeId.equals(w.leaseOwner()));
    }

    List<WorkItem> list(String projectId, String kind, String jobState, String queueState, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM work_item WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(sql, args, "project_id", projectId);
        filter(sql, args, "kind", kind);
        filter(sql, args, "job_state", jobState);
        filter(sql, args, "queue_state", queueState);
        sql.append(" ORDER BY create_time DESC, work_id LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), ITEM, args.toArray());
    }

    /** Ids of the oldest claimable items (a few, for the compare-and-set of databases without SKIP LOCKED). */
    List<String> candidates(List<String> kinds, List<String> capabilities, int maxRunningPerTenant, boolean skipLocked) {
        if (kinds.isEmpty() || capabilities.isEmpty()) {
            return List.of();
        }
        String sql = String.format(CANDIDATES, marks(kinds.size()), marks(capabilities.size()))
                + (skipLocked ? " LIMIT 1 FOR UPDATE OF w SKIP LOCKED" : " LIMIT 5");
        List<Object> args = new ArrayList<>(kinds);
        args.addAll(capabilities);
        args.add(maxRunningPerTenant);
        return jdbc.queryForList(sql, String.class, args.toArray());
    }

    /** Compare-and-set from QUEUED to RUNNING under this node's lease; false when another node took it first. */
    boolean take(String workId, String nodeId, Instant leaseUntil, Instant now) {
        return jdbc.update("UPDATE work_item SET queue_state = 'RUNNING', lease_owner = ?, lease_until = ?,"
                        + " attempts = attempts + 1, start_time = COALESCE(start_time, ?), update_time = ?, last_owner = ?"
                        + " WHERE work_id = ? AND queue_state = 'QUEUED'",
                nodeId, ts(leaseUntil), ts(now), ts(now), nodeId, workId) == 1;
    }

    boolean renew(String workId, String nodeId, Instant leaseUntil, Integer done, Integer total) {
        return jdbc.update("UPDATE work_item SET lease_until = ?, progress_done = COALESCE(?, progress_done),"
                        + " progress_total = COALESCE(?, progress_total) WHERE work_id = ? AND lease_owner = ?"
                        + " AND queue_state = 'RUNNING'", ts(leaseUntil), done, total, workId, nodeId) == 1;
    }

    /** One query per poll for every item the node runs: a missing item is no longer the node's. */
    List<Signal> signals(String nodeId) {
        return jdbc.query("SELECT w.work_id, w.signal_seq, w.stop_requested, w.granted_state, (SELECT COUNT(*) FROM"
                        + " work_command c WHERE c.work_id = w.work_id AND c.state = 'PENDING') AS pending FROM work_item w"
                        + " WHERE w.lease_owner = ? AND w.queue_state = 'RUNNING'",
                (rs, i) -> new Signal(rs.getString(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4), rs.getInt(5)),
                nodeId);
    }

    void enterState(String workId, String state, Instant now) {
        jdbc.update("UPDATE work_item SET job_state = ?, state_since = ?, awaiting_state = NULL,"
                + " granted_state = CASE WHEN granted_state = ? THEN NULL ELSE granted_state END, update_time = ?"
                + " WHERE work_id = ?", state, ts(now), state, ts(now), workId);
    }

    void await(String workId, String state, Instant now) {
        jdbc.update("UPDATE work_item SET awaiting_state = ?, signal_seq = signal_seq + 1, update_time = ?"
                + " WHERE work_id = ?", state, ts(now), workId);
    }

    /** An advance: the awaited transition may go ahead; a HELD item becomes claimable. */
    void grant(String workId, String state, Instant now) {
        jdbc.update("UPDATE work_item SET granted_state = ?, awaiting_state = NULL, signal_seq = signal_seq + 1,"
                + " queue_state = CASE WHEN queue_state = 'HELD' THEN 'QUEUED' ELSE queue_state END, update_time = ?"
                + " WHERE work_id = ?", state, ts(now), workId);
    }

    void finish(String workId, String state, Instant now) {
        jdbc.update("UPDATE work_item SET queue_state = 'DONE', job_state = ?, state_since = ?, lease_owner = NULL,"
                + " lease_until = NULL, awaiting_state = NULL, granted_state = NULL, signal_seq = signal_seq + 1,"
                + " update_time = ?, end_time = ? WHERE work_id = ?", state, ts(now), ts(now), ts(now), workId);
    }

    /** Parked in {@code state}: no lease, attempts start again when a command resumes it. */
    void park(String workId, String state, Instant now) {
        jdbc.update("UPDATE work_item SET queue_state = 'PARKED', job_state = ?, state_since = ?, lease_owner = NULL,"
                + " lease_until = NULL, awaiting_state = NULL, granted_state = NULL, attempts = 0, update_time = ?"
                + " WHERE work_id = ?", state, ts(now), ts(now), workId);
    }

    /** A parked item is queued again (a command or a stop arrived for it); true when it was parked. */
    boolean unpark(String workId, Instant now) {
        return jdbc.update("UPDATE work_item SET queue_state = 'QUEUED', update_time = ? WHERE work_id = ?"
                + " AND queue_state = 'PARKED'", ts(now), workId) == 1;
    }

    /**
     * Every item of a project (of every project when null), with its commands; their runners lose them and never
     * write again.
     */
    int deleteProject(String projectId) {
        return projectId == null ? jdbc.update("DELETE FROM work_item")
                : jdbc.update("DELETE FROM work_item WHERE project_id = ?", projectId);
    }

    /**
     * Back to the queue (a lost lease, or this node shutting down: {@code refund} gives back the attempt), HELD with
     * the started state awaited when progression is manual.
     */
    void requeue(String workId, String initialState, String awaiting, boolean refund, Instant now) {
        jdbc.update("UPDATE work_item SET queue_state = ?, job_state = ?, state_since = ?, lease_owner = NULL,"
                        + " lease_until = NULL, awaiting_state = ?, granted_state = NULL, attempts = attempts - ?,"
                        + " update_time = ? WHERE work_id = ?", awaiting == null ? "QUEUED" : "HELD", initialState,
                ts(now), awaiting, refund ? 1 : 0, ts(now), workId);
    }

    boolean requestStop(String workId, Instant now) {
        return jdbc.update("UPDATE work_item SET stop_requested = TRUE, signal_seq = signal_seq + 1, update_time = ?"
                + " WHERE work_id = ? AND queue_state <> 'DONE'", ts(now), workId) == 1;
    }

    /** HELD items of a kind whose progression is no longer manual become claimable. */
    int releaseHeld(String kind, Instant now) {
        return jdbc.update("UPDATE work_item SET queue_state = 'QUEUED', awaiting_state = NULL, update_time = ?"
                + " WHERE kind = ? AND queue_state = 'HELD'", ts(now), kind);
    }

    List<String> expired(Instant now) {
        return jdbc.queryForList("SELECT work_id FROM work_item WHERE queue_state = 'RUNNING' AND lease_until < ?",
                String.class, ts(now));
    }

    List<String> heldKinds() {
        return jdbc.queryForList("SELECT DISTINCT kind FROM work_item WHERE queue_state = 'HELD'", String.class);
    }

    WorkCommand addCommand(String workId, String name, String payload, Instant now) {
        Integer last = jdbc.queryForObject("SELECT MAX(seq) FROM work_command WHERE work_id = ?", Integer.class, workId);
        WorkCommand command = new WorkCommand(UUID.randomUUID().toString(), workId, last == null ? 1 : last + 1, name,
                payload, WorkCommand.State.PENDING, null, now, now);
        jdbc.update("INSERT INTO work_command (command_id, work_id, seq, name, payload, state, result, create_time,"
                        + " update_time) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)", command.commandId(), workId,
                command.seq(), name, payload, command.state().name(), ts(now), ts(now));
        jdbc.update("UPDATE work_item SET signal_seq = signal_seq + 1, update_time = ? WHERE work_id = ?", ts(now), workId);
        return command;
    }

    List<WorkCommand> takeCommands(String workId, Instant now) {
        List<WorkCommand> pending = jdbc.query("SELECT command_id, work_id, seq, name, payload, state, result, create_time,"
                + " update_time FROM work_command WHERE work_id = ? AND state = 'PENDING' ORDER BY seq", COMMAND, workId);
        for (WorkCommand c : pending) {
            jdbc.update("UPDATE work_command SET state = 'TAKEN', update_time = ? WHERE command_id = ?", ts(now),
                    c.commandId());
        }
        return pending.stream().map(c -> new WorkCommand(c.commandId(), c.workId(), c.seq(), c.name(), c.payload(),
                WorkCommand.State.TAKEN, null, c.createTime(), now)).toList();
    }

    void completeCommand(String workId, String commandId, boolean succeeded, String result, Instant now) {
        jdbc.update("UPDATE work_command SET state = ?, result = ?, update_time = ? WHERE command_id = ? AND work_id = ?",
                succeeded ? "SUCCEEDED" : "FAILED", result, ts(now), commandId, workId);
    }

    Optional<WorkCommand> command(String commandId) {
        return jdbc.query("SELECT command_id, work_id, seq, name, payload, state, result, create_time, update_time"
                + " FROM work_command WHERE command_id = ?", COMMAND, commandId).stream().findFirst();
    }

    void setPaused(boolean paused, Instant now) {
        if (jdbc.update("UPDATE emulator_flag SET flag_value = ?, update_time = ? WHERE name = ?",
                Boolean.toString(paused), ts(now), PAUSED_FLAG) == 0) {
            jdbc.update("INSERT INTO emulator_flag (name, flag_value, update_time) VALUES (?, ?, ?)",
                    PAUSED_FLAG, Boolean.toString(paused), ts(now));
        }
    }

    boolean paused() {
        return jdbc.queryForList("SELECT flag_value FROM emulator_flag WHERE name = ?", String.class, PAUSED_FLAG)
                .stream().anyMatch("true"::equals);
    }

    boolean isPostgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equalsIgnoreCase(jdbc.execute(
                    (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static WorkItem item(ResultSet rs, int row) throws SQLException {
        return new WorkItem(rs.getString("work_id"), rs.getString("kind"), rs.getString("project_id"),
                rs.getString("subject_id"), rs.getString("capability"), QueueState.valueOf(rs.getString("queue_state")),
                rs.getString("job_state"), instant(rs, "state_since"), rs.getInt("attempts"), rs.getString("lease_owner"),
                instant(rs, "lease_until"), rs.getString("last_owner"), integer(rs, "progress_done"),
                integer(rs, "progress_total"), rs.getLong("signal_seq"), rs.getBoolean("stop_requested"),
                rs.getString("awaiting_state"), rs.getString("granted_state"), instant(rs, "create_time"),
                instant(rs, "update_time"), instant(rs, "start_time"), instant(rs, "end_time"));
    }

    private static WorkCommand command(ResultSet rs, int row) throws SQLException {
        return new WorkCommand(rs.getString("command_id"), rs.getString("work_id"), rs.getInt("seq"),
                rs.getString("name"), rs.getString("payload"), WorkCommand.State.valueOf(rs.getString("state")),
                rs.getString("result"), instant(rs, "create_time"), instant(rs, "update_time"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

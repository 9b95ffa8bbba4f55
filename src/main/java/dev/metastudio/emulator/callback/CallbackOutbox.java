package dev.metastudio.emulator.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/**
 * The {@code callback_delivery} table. Plain SQL rather than JPA: every state change is a single compare-and-set
 * {@code UPDATE} whose row count says whether this node won, which is what makes several nodes on one database
 * safe, and which portable SQL expresses the same on PostgreSQL and H2. Outside a transaction each statement
 * commits on its own; {@link #insert} joins the caller's transaction when there is one.
 */
@Repository
class CallbackOutbox {
    private static final String COLUMNS = "id, project_id, job_id, url, auth_type, auth_key, body, state, attempts,"
            + " next_attempt_at, last_status, last_error, create_time, update_time";
    /** Due: PENDING and its time has come, or SENDING with an expired lease and attempts left. */
    private static final String DUE = "((state = 'PENDING' AND next_attempt_at <= ?)"
            + " OR (state = 'SENDING' AND lease_until <= ? AND attempts < ?))";
    /** Longer errors are cut to the column's size. */
    private static final int MAX_ERROR_LENGTH = 2048;

    private final JdbcTemplate jdbc;

    CallbackOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CallbackDelivery d) {
        jdbc.update("INSERT INTO callback_delivery (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.projectId(), d.jobId(), d.url(), d.authType().name(), text(d.authKey()), d.body(),
                d.state().name(), d.attempts(), time(d.nextAttemptAt()), integer(d.lastStatus()),
                text(d.lastError()), time(d.createTime()), time(d.updateTime()));
    }

    /**
     * Ids of deliveries worth trying to claim, oldest due first: PENDING and due, or SENDING with an expired lease
     * (its node stopped mid-attempt) and attempts left. Only a hint: {@link #claim} decides.
     */
    List<String> dueIds(Instant now, int maxAttempts, int limit) {
        return jdbc.queryForList("SELECT id FROM callback_delivery WHERE " + DUE + " ORDER BY next_attempt_at LIMIT ?",
                String.class, time(now), time(now), maxAttempts, limit);
    }

    /**
     * Takes a due delivery for this node until {@code leaseUntil} and counts the attempt. Exactly one node's
     * {@code UPDATE} matches, because the row stops being due the moment it does.
     */
    Optional<CallbackDelivery> claim(String id, String owner, Instant now, Instant leaseUntil, int maxAttempts) {
        int claimed = jdbc.update("UPDATE callback_delivery SET state = 'SENDING', lease_owner = ?, lease_until = ?,"
                        + " attempts = attempts + 1, update_time = ? WHERE id = ? AND " + DUE,
                owner, time(leaseUntil), time(now), id, time(now), time(now), maxAttempts);
        return claimed == 1 ? find(id) : Optional.empty();
    }

    /**
     * Fails deliveries whose last allowed attempt was cut short (the node stopped while its lease ran): nobody will
     * claim them again, and they must not stay SENDING for ever.
     */
    int failAbandoned(Instant now, int maxAttempts) {
        return jdbc.update("UPDATE callback_delivery SET state = 'FAILED', next_attempt_at = NULL, lease_owner = NULL,"
                        + " lease_until = NULL, last_error = ?, update_time = ?"
                        + " WHERE state = 'SENDING' AND lease_until <= ? AND attempts >= ?",
                "The last attempt was interrupted (the sending node stopped) and no attempts are left",
                time(now), time(now), maxAttempts);
    }

    /** True the first time it is asked for a delivery: only then do the callback fault rules decide its fate. */
    boolean firstFaultCheck(String id) {
        return jdbc.update("UPDATE callback_delivery SET fault_checked = TRUE WHERE id = ? AND fault_checked = FALSE",
                id) == 1;
    }

    /** A fault rule delays the delivery: due again at {@code nextAttempt}, the attempt it was claimed for given back. */
    boolean postpone(String id, String owner, Instant nextAttempt, Instant now) {
        return jdbc.update("UPDATE callback_delivery SET state = 'PENDING', attempts = attempts - 1,"
                        + " next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, update_time = ?"
                        + " WHERE id = ? AND lease_owner = ? AND state = 'SENDING'",
                time(nextAttempt), time(now), id, owner) == 1;
    }

    /** The receiver answered 2xx. False when this node no longer holds the lease. */
    boolean markDelivered(String id, String owner, int status, Instant now) {
        return finish(id, owner, DeliveryState.DELIVERED, status, null, null, now);
    }

    boolean scheduleRetry(String id, String owner, Integer status, String error, Instant nextAttempt, Instant now) {
        return finish(id, owner, DeliveryState.PENDING, status, error, nextAttempt, now);
    }

    boolean markFailed(String id, String owner, Integer status, String error, Instant now) {
        return finish(id, owner, DeliveryState.FAILED, status, error, null, now);
    }

    private boolean finish(String id, String owner, DeliveryState state, Integer status, String error,
                           Instant nextAttempt, Instant now) {
        // lease_owner in the WHERE: a node whose lease expired must not overwrite the outcome of the node that
        // took the delivery over.
        return jdbc.update("UPDATE callback_delivery SET state = ?, last_status = ?, last_error = ?, next_attempt_at = ?,"
                        + " lease_owner = NULL, lease_until = NULL, update_time = ?"
                        + " WHERE id = ? AND lease_owner = ? AND state = 'SENDING'",
                state.name(), integer(status), text(truncate(error)), time(nextAttempt), time(now), id, owner) == 1;
    }

    Optional<CallbackDelivery> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM callback_delivery WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Newest first, optionally narrowed to a project and/or a job. */
    List<CallbackDelivery> recent(String projectId, String jobId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM callback_delivery WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (projectId != null) {
            sql.append(" AND project_id = ?");
            args.add(projectId);
        }
        if (jobId != null) {
            sql.append(" AND job_id = ?");
            args.add(jobId);
        }
        sql.append(" ORDER BY create_time DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    private static final RowMapper<CallbackDelivery> ROW = (rs, n) -> new CallbackDelivery(
            rs.getString("id"),
            rs.getString("project_id"),
            rs.getString("job_id"),
            rs.getString("url"),
            Signing.valueOf(rs.getString("auth_type")),
            rs.getString("auth_key"),
            rs.getString("body"),
            DeliveryState.valueOf(rs.getString("state")),
            rs.getInt("attempts"),
            instant(rs, "next_attempt_at"),
            rs.getObject("last_status", Integer.class),
            rs.getString("last_error"),
            instant(rs, "create_time"),
            instant(rs, "update_time"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Typed parameters, so a null binds the same on PostgreSQL and H2. */
    private static SqlParameterValue time(Instant value) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    private static SqlParameterValue integer(Integer value) {
        return new SqlParameterValue(Types.INTEGER, value);
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }
}

package dev.metastudio.emulator.control.faults;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/**
 * The {@code fault_rule} table. The rules live in the database so that every node obeys them and they survive a
 * restart; a rule's hits are raised with one conditional UPDATE, so calls on any node count exactly and a rule
 * never applies more than {@code times} times.
 */
@Repository
class FaultRuleRows {
    private static final String COLUMNS = "rule_id, scope, project_id, operation, method, path_pattern, job_kind,"
            + " status, error_code, error_msg, fault, delay_ms, after_ms, probability, times, hits, create_time";

    private final JdbcTemplate jdbc;

    FaultRuleRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FaultRule r) {
        jdbc.update("INSERT INTO fault_rule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.ruleId(), r.scope().name(), text(r.projectId()), text(r.operation()), text(r.method()),
                text(r.pathPattern()), text(r.jobKind()), new SqlParameterValue(Types.INTEGER, r.status()),
                text(r.errorCode()), text(r.errorMsg()), text(r.fault() == null ? null : r.fault().name()),
                new SqlParameterValue(Types.BIGINT, r.delayMs()), new SqlParameterValue(Types.BIGINT, r.afterMs()),
                r.probability(), new SqlParameterValue(Types.INTEGER, r.times()), r.hits(),
                Timestamp.from(r.createTime()));
    }

    /** Oldest first: when several rules match a call, the first one created that applies wins. */
    List<FaultRule> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM fault_rule ORDER BY create_time, rule_id", FaultRuleRows::row);
    }

    Optional<FaultRule> find(String ruleId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM fault_rule WHERE rule_id = ?", FaultRuleRows::row, ruleId)
                .stream().findFirst();
    }

    /** Counts one application; false when the rule is gone or has used up its times (another call took the last). */
    boolean hit(String ruleId) {
        return jdbc.update("UPDATE fault_rule SET hits = hits + 1 WHERE rule_id = ? AND (times IS NULL OR hits < times)",
                ruleId) == 1;
    }

    boolean delete(String ruleId) {
        return jdbc.update("DELETE FROM fault_rule WHERE rule_id = ?", ruleId) == 1;
    }

    int deleteAll() {
        return jdbc.update("DELETE FROM fault_rule");
    }

    int deleteProject(String projectId) {
        return jdbc.update("DELETE FROM fault_rule WHERE project_id = ?", projectId);
    }

    private static FaultRule row(ResultSet rs, int n) throws SQLException {
        String fault = rs.getString("fault");
        return new FaultRule(rs.getString("rule_id"), FaultRule.Scope.valueOf(rs.getString("scope")),
                rs.getString("project_id"), rs.getString("operation"), rs.getString("method"),
                rs.getString("path_pattern"), rs.getString("job_kind"), rs.getObject("status", Integer.class),
                rs.getString("error_code"), rs.getString("error_msg"),
                fault == null ? null : FaultRule.Fault.valueOf(fault), rs.getObject("delay_ms", Long.class),
                rs.getObject("after_ms", Long.class), rs.getDouble("probability"),
                rs.getObject("times", Integer.class), rs.getInt("hits"), rs.getTimestamp("create_time").toInstant());
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }
}

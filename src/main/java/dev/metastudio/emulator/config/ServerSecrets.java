package dev.metastudio.emulator.config;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named random secrets created once and kept in the database: every node that shares the database signs and
 * verifies with the same key, and a restart keeps it.
 */
@Component
public class ServerSecrets {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public ServerSecrets(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // A secret may first be needed inside a caller's read-only transaction; create it in a transaction of its own.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public byte[] get(String name) {
        return cache.computeIfAbsent(name, key -> ownTransaction.execute(status -> loadOrCreate(key)));
    }

    private byte[] loadOrCreate(String name) {
        String existing = read(name);
        if (existing == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.update("INSERT INTO server_secret (name, secret, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                        name, HexFormat.of().formatHex(fresh), Timestamp.from(Instant.now()));
            } catch (DataIntegrityViolationException raced) {
                // Another node created it first; its value wins.
            }
            existing = read(name);
        }
        return HexFormat.of().parseHex(existing);
    }

    private String read(String name) {
        List<String> rows = jdbc.queryForList("SELECT secret FROM server_secret WHERE name = ?", String.class, name);
        return rows.isEmpty() ? null : rows.get(0);
    }
}

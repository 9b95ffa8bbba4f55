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

/**
 * Named random secrets created once and kept in the database: every node that shares the database signs and
 * verifies with the same key, and a restart keeps it.
 */
@Component
public class ServerSecrets {
    private final JdbcTemplate jdbc;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public ServerSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] get(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        String existing = read(name);
        if (existing == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.update("INSERT INTO server_secret (name, secret, created_at) VALUES (?, ?, ?)",
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

package dev.metastudio.emulator.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL the tests run against: the server named by {@code METASTUDIO_TEST_DATABASE_URL}
 * (what {@code .ci/run} sets), otherwise a local one at 127.0.0.1:5432 (database {@code test}, user postgres),
 * otherwise a Testcontainers PostgreSQL when a Docker engine exists. If none is there the run fails and says so;
 * nothing is skipped. Each test JVM works in a fresh schema of its own.
 */
public final class TestDatabase {
    public static final String URL_VARIABLE = "METASTUDIO_TEST_DATABASE_URL";
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public record Target(String url, String username, String password) {
    }

    private static Target shared;

    private TestDatabase() {
    }

    /** A new, empty schema on the test server, created once per JVM. */
    public static synchronized Target shared() {
        if (shared == null) {
            shared = freshSchema();
        }
        return shared;
    }

    /** Another empty schema, for tests that need a database nobody else touched. */
    public static Target freshSchema() {
        Target server = server();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + server.url() + ": " + e.getMessage(), e);
        }
        String separator = server.url().contains("?") ? "&" : "?";
        return new Target(server.url() + separator + "currentSchema=" + schema, server.username(), server.password());
    }

    private static Target serverCache;

    private static synchronized Target server() {
        if (serverCache != null) {
            return serverCache;
        }
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            serverCache = new Target(url, env("METASTUDIO_TEST_DATABASE_USER", "postgres"),
                    env("METASTUDIO_TEST_DATABASE_PASSWORD", ""));
        } else if (localServerAnswers()) {
            System.err.println("[tests] " + URL_VARIABLE + " is not set; using the PostgreSQL at " + LOCAL_URL);
            serverCache = new Target(LOCAL_URL, "postgres", "");
        } else if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            serverCache = new Target(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        } else {
            throw new IllegalStateException("The tests need a real PostgreSQL: set " + URL_VARIABLE
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test, with METASTUDIO_TEST_DATABASE_USER) or run a"
                    + " Docker engine for Testcontainers. .ci/run starts a local PostgreSQL and sets it.");
        }
        return serverCache;
    }

    /** A PostgreSQL already running on this machine with the usual local set-up (trust auth, database test). */
    private static boolean localServerAnswers() {
        DriverManager.setLoginTimeout(2);
        try (Connection c = DriverManager.getConnection(LOCAL_URL, "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

package dev.metastudio.emulator.work;

import dev.metastudio.emulator.support.TestDatabase;
import dev.metastudio.emulator.support.TestProjects;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One node of the emulator: the built jar in its own JVM, as deployments run it. */
final class EmulatorProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "metastudio-emulator.jar");

    final String name;
    final int port;
    private final Process process;

    private EmulatorProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static EmulatorProcess start(String name, String role, TestDatabase.Target db, Path dataDir, Path logs)
            throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "--server.port=" + port);
        Map<String, String> env = builder.environment();
        // Only what the test sets: a developer's own METASTUDIO_* or SPRING_* settings must not leak in.
        env.keySet().removeIf(key -> key.startsWith("METASTUDIO_") || key.startsWith("SPRING_"));
        env.put("SPRING_DATASOURCE_URL", db.url());
        env.put("SPRING_DATASOURCE_USERNAME", db.username());
        env.put("SPRING_DATASOURCE_PASSWORD", db.password());
        env.put("METASTUDIO_DATA_DIR", dataDir.toString());
        env.put("METASTUDIO_CREDENTIALS", TestProjects.CREDENTIALS);
        env.put("METASTUDIO_ROLE", role);
        env.put("METASTUDIO_WORKERS_COUNT", "1");
        env.put("METASTUDIO_WORKERS_NODE_ID", name);
        // Short leases so a killed node's job is taken over within seconds; renewed every lease/3.
        env.put("METASTUDIO_WORKERS_LEASE", "PT6S");
        env.put("METASTUDIO_WORKERS_RECOVERY_INTERVAL", "PT1S");
        builder.redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        return new EmulatorProcess(name, port, builder.start());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_emulator/health"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout);
    }

    /** SIGKILL: no shutdown hooks, no lease release, as when a machine dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
                    java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

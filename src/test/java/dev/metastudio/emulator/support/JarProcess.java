package dev.metastudio.emulator.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built jar in a JVM of its own, started with exactly the environment a test gives it (nothing of the
 * developer's own {@code METASTUDIO_*}/{@code SPRING_*} settings), and killable with SIGKILL as a dying machine.
 * Started from the AOT bean definitions as README's run command starts it, so every setting a test changes is shown
 * to be read at run time.
 */
public final class JarProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target", "metastudio-emulator.jar");

    private final String name;
    private final int port;
    private final Process process;

    private JarProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts the jar on a free port; {@code environment} holds the settings (a null value removes one). */
    public static JarProcess start(String name, Map<String, String> environment, Path log) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-jar", JAR.toString(), "--server.port=" + port);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("METASTUDIO_") || key.startsWith("SPRING_"));
        environment.forEach((key, value) -> {
            if (value != null) {
                env.put(key, value);
            }
        });
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new JarProcess(name, port, builder.start());
    }

    /** The settings of a node on {@code db} (null: the embedded H2 under the data folder) with the test tenants. */
    public static Map<String, String> environment(TestDatabase.Target db, Path dataDir) {
        Map<String, String> env = new LinkedHashMap<>();
        if (db != null) {
            env.put("SPRING_DATASOURCE_URL", db.url());
            env.put("SPRING_DATASOURCE_USERNAME", db.username());
            env.put("SPRING_DATASOURCE_PASSWORD", db.password());
        }
        env.put("METASTUDIO_DATA_DIR", dataDir.toString());
        env.put("METASTUDIO_CREDENTIALS", TestProjects.CREDENTIALS);
        env.put("METASTUDIO_USERS", TestProjects.USERS);
        env.put("METASTUDIO_WORKERS_COUNT", "1");
        return env;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/_emulator/health")).GET().build(), HttpResponse.BodyHandlers.discarding());
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

    /** SIGKILL: no shutdown hook, no flush, no lease release. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
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

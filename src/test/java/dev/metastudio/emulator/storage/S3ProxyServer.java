package dev.metastudio.emulator.storage;

import dev.metastudio.emulator.storage.s3.S3ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A real S3-compatible server for the S3 store's tests: S3Proxy (from Maven Central, copied to
 * {@code target/s3proxy/s3proxy.jar} by the build) in its own JVM, on a free port, with in-memory storage.
 * One per test JVM, started on first use and stopped when the JVM exits. Its own process because its bundled
 * Jetty and Guava would clash with Spring Boot's on the test classpath.
 */
final class S3ProxyServer {
    static final String ACCESS_KEY = "s3proxy-test-key";
    static final String SECRET_KEY = "s3proxy-test-secret";
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static S3ProxyServer shared;

    private final Process process;
    private final int port;
    private final Path dir;
    private final Path log;

    private S3ProxyServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.log = dir.resolve("s3proxy.log");
    }

    static synchronized S3ProxyServer shared() {
        if (shared == null) {
            shared = start();
            S3ProxyServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "s3proxy-stop"));
        }
        return shared;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    StorageProperties.S3 config(String bucket) {
        return new StorageProperties.S3(endpoint(), "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true);
    }

    /** A store on a bucket of its own, created as the emulator creates it at start-up. */
    S3ObjectStore newStore() {
        S3ObjectStore store = S3ObjectStore.connect(config("test-" + UUID.randomUUID().toString().substring(0, 8)));
        store.ensureBucket();
        return store;
    }

    private static S3ProxyServer start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests through Maven,"
                    + " whose generate-test-resources phase copies S3Proxy there");
        }
        try {
            int port = freePort();
            Path dir = Files.createTempDirectory("s3proxy-test");
            Path properties = dir.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=transient-nio2",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY,
                    ""));
            Path log = dir.resolve("s3proxy.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
                    "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            S3ProxyServer server = new S3ProxyServer(process, port, dir);
            server.awaitPort();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy", e);
        }
    }

    private void awaitPort() throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        stop();
        throw new IllegalStateException("S3Proxy did not answer on port " + port + " within " + START_TIMEOUT
                + ":\n" + Files.readString(log));
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temp folder left behind is no reason to fail the run.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.metastudio.emulator.callback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP callback receiver on 127.0.0.1 for the tests: records every request per path and answers with the
 * statuses it was told (in order, the last one repeating; 200 when told nothing).
 */
final class TestReceiver implements AutoCloseable {

    record Received(String method, String rawPath, String rawQuery, String contentType, String body, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Answers {@code path} with these statuses in turn, repeating the last. */
    TestReceiver answer(String path, Integer... statusesInOrder) {
        statuses.put(path, new ArrayDeque<>(List.of(statusesInOrder)));
        return this;
    }

    /** Answers {@code path} with 302 to {@code location}. */
    TestReceiver redirect(String path, String location) {
        redirects.put(path, location);
        return answer(path, 302);
    }

    List<Received> requests(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    /** Waits until {@code path} has had at least {@code count} requests. */
    List<Received> await(String path, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (requests(path).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        return requests(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(
                exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, Instant.now()));
        int status = nextStatus(path);
        if (redirects.containsKey(path)) {
            exchange.getResponseHeaders().add("Location", redirects.get(path));
        }
        byte[] answer = (status < 300 ? "{}" : "{\"error\":\"receiver says " + status + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private int nextStatus(String path) {
        Deque<Integer> queue = statuses.get(path);
        if (queue == null) {
            return 200;
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asset creations per second through the API of a running emulator (auth off): a warm-up, then {@code clients}
 * concurrent callers creating assets for {@code seconds}. Prints: writes: creates_per_s=... p50_ms=... p99_ms=...
 */
public class WritesBench {
    static final String PROJECT = "e9993fc787d94b6c886cbaa340f9c0f4";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String url = base + "/v1/" + PROJECT + "/digital-assets";
        for (int i = 0; i < 200; i++) {
            create(url, "warm-" + i);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; running.get(); i++) {
                    long t = System.nanoTime();
                    create(url, "bench-" + client + "-" + i);
                    latencies.add(System.nanoTime() - t);
                }
                return latencies;
            }));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("writes: creates_per_s=%.1f p50_ms=%.2f p99_ms=%.2f creates=%d clients=%d%n",
                all.size() / wall, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                all.size(), clients);
    }

    static void create(String url, String name) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"asset_name\":\"" + name + "\",\"asset_type\":\"IMAGE\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }
}

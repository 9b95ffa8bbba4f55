import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed GETs per second (SDK-HMAC-SHA256, signed here as the official SDK signs) against two running emulators,
 * the journal on and off, measured in alternating rounds so that the noise of a shared machine hits both alike.
 * Usage: java JournalBench.java <url on> <url off> <path> <ak> <sk> <seconds per round> <rounds> <clients> [warm-ups]
 * Prints: journal-bench: path=... on_rps=<median> off_rps=<median> loss_pct=<n> rounds_on=[...] rounds_off=[...]
 */
public class JournalBench {
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static void main(String[] args) throws Exception {
        String on = args[0], off = args[1], path = args[2], ak = args[3], sk = args[4];
        int seconds = Integer.parseInt(args[5]), rounds = Integer.parseInt(args[6]), clients = Integer.parseInt(args[7]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Warm both JITs first: the first seconds of a fresh JVM are several times slower than the rest.
        int warmups = args.length > 8 ? Integer.parseInt(args[8]) : 6;
        for (int w = 0; w < warmups; w++) {
            run(http, on, path, ak, sk, 5, clients);
            run(http, off, path, ak, sk, 5, clients);
        }
        List<Double> onRates = new ArrayList<>(), offRates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            onRates.add(run(http, on, path, ak, sk, seconds, clients));
            offRates.add(run(http, off, path, ak, sk, seconds, clients));
        }
        double onMedian = median(onRates), offMedian = median(offRates);
        System.out.printf("journal-bench: path=%s on_rps=%.0f off_rps=%.0f loss_pct=%.1f rounds_on=%s rounds_off=%s%n",
                path, onMedian, offMedian, (offMedian - onMedian) / offMedian * 100, rounded(onRates), rounded(offRates));
    }

    private static double run(HttpClient http, String base, String path, String ak, String sk, int seconds, int clients)
            throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<byte[]> response = http.send(signed(base, path, ak, sk),
                                HttpResponse.BodyHandlers.ofByteArray());
                        (response.statusCode() == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (failed.get() > 0) {
            System.err.println("journal-bench: " + failed.get() + " calls failed against " + base);
        }
        return ok.get() / elapsed;
    }

    private static HttpRequest signed(String base, String path, String ak, String sk) throws Exception {
        URI uri = URI.create(base + path);
        String date = SDK_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        String host = uri.getHost() + ":" + uri.getPort();
        StringBuilder canonicalUri = new StringBuilder();
        for (String segment : uri.getRawPath().split("/")) {
            canonicalUri.append(segment).append('/');
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String canonical = "GET\n" + canonicalUri + "\n" + query + "\n" + "host:" + host + "\nx-sdk-date:" + date
                + "\n\nhost;x-sdk-date\n" + EMPTY_SHA256;
        String toSign = "SDK-HMAC-SHA256\n" + date + "\n" + hex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(sk.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = hex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30))
                .header("X-Sdk-Date", date)
                .header("Authorization", "SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=host;x-sdk-date, Signature="
                        + signature)
                .build();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }
}

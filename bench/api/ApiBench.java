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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API hot path against a static stub: the same requests, signed per request as the official SDK signs them
 * (SDK-HMAC-SHA256 over method, canonical path, query, host and x-sdk-date, and the body's SHA-256), or carrying an
 * IAM token, sent by the same client to the emulator and to WireMock, in alternating rounds. Before measuring, it
 * takes the emulator's own answer to each case and registers it on WireMock as a stub, so both send the same bytes.
 * Usage: java ApiBench.java <emulator url> <wiremock url> <ak> <sk> <token> <project> <seconds> <rounds> <clients> <label>
 * Prints per case: api-bench: case=... journal=<label> emulator_rps=... wiremock_rps=... ratio=... p99_ms=...
 */
public class ApiBench {
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Case(String name, String method, String path, String body, boolean token) {
    }

    record Run(double rps, double p50, double p99, long failed) {
    }

    static String ak, sk, token;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sk.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    public static void main(String[] args) throws Exception {
        String emulator = args[0], wiremock = args[1];
        ak = args[2];
        sk = args[3];
        token = args[4];
        String project = args[5];
        int seconds = Integer.parseInt(args[6]), rounds = Integer.parseInt(args[7]), clients = Integer.parseInt(args[8]);
        String label = args[9];
        String only = args.length > 10 ? args[10] : "";
        // One system presenter (a HUMAN_MODEL_2D of the system library) to show.
        String listed = send(emulator, new Case("", "GET", "/v1/" + project
                + "/digital-assets?asset_source=SYSTEM&asset_type=HUMAN_MODEL_2D&limit=1", null, false)).body();
        int at = listed.indexOf("\"asset_id\":\"");
        if (at < 0) {
            throw new IllegalStateException("no system presenter listed: " + listed);
        }
        String assetId = listed.substring(at + 12, listed.indexOf('"', at + 12));
        List<Case> cases = List.of(
                new Case("get", "GET", "/v1/" + project + "/digital-assets/" + assetId, null, false),
                new Case("list10", "GET", "/v1/" + project
                        + "/digital-assets?asset_source=SYSTEM&asset_type=HUMAN_MODEL_2D,VOICE_MODEL,IMAGE&limit=10", null, false),
                new Case("create", "POST", "/v1/" + project + "/digital-assets",
                        "{\"asset_name\":\"bench\",\"asset_type\":\"IMAGE\",\"tags\":[\"bench\"]}", false),
                new Case("token_get", "GET", "/v1/" + project + "/digital-assets/" + assetId, null, true));
        String wrkCases = System.getenv("API_BENCH_WRK_CASES");
        if (wrkCases != null) {
            writeWrkCases(emulator, wiremock, cases, only, java.nio.file.Path.of(wrkCases));
            return;
        }
        // A fresh JVM is several times slower for its first tens of thousands of requests: warm every path first.
        for (Case c : cases) {
            if (!c.name().equals("create")) {
                run(emulator, c, 5, clients);
            }
        }
        for (Case c : cases) {
            if (!only.isEmpty() && !only.contains(c.name())) {
                continue;
            }
            stubEmulatorsAnswer(emulator, wiremock, c);
            // Warm both JITs, then alternate.
            run(emulator, c, 5, clients);
            run(wiremock, c, 5, clients);
            List<Run> emu = new ArrayList<>(), wm = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                emu.add(run(emulator, c, seconds, clients));
                wm.add(run(wiremock, c, seconds, clients));
            }
            double e = best(emu), w = best(wm);
            Run bestEmu = emu.stream().max((a, b) -> Double.compare(a.rps(), b.rps())).get();
            Run bestWm = wm.stream().max((a, b) -> Double.compare(a.rps(), b.rps())).get();
            System.out.printf("api-bench: case=%s journal=%s emulator_rps=%.0f wiremock_rps=%.0f ratio=%.2f p99_ms=%.1f"
                            + " p50_ms=%.1f wiremock_p99_ms=%.1f clients=%d rounds_emulator=%s rounds_wiremock=%s failed=%d%n",
                    c.name(), label, e, w, e / w, bestEmu.p99(), bestEmu.p50(), bestWm.p99(), clients,
                    emu.stream().map(x -> Math.round(x.rps())).toList(), wm.stream().map(x -> Math.round(x.rps())).toList(),
                    emu.stream().mapToLong(Run::failed).sum() + wm.stream().mapToLong(Run::failed).sum());
        }
    }

    /**
     * For bench/api.sh's wrk rounds: stubs each case's answer on WireMock and writes one line per case, name, method,
     * path, body and the request's headers, tab-separated. The signature is made once, and wrk sends the same signed
     * request again and again; the emulator still verifies it in full each time (it keeps no verified signatures),
     * and X-Sdk-Date stays valid for 15 minutes.
     */
    private static void writeWrkCases(String emulator, String wiremock, List<Case> cases, String only,
                                      java.nio.file.Path file) throws Exception {
        StringBuilder out = new StringBuilder();
        for (Case c : cases) {
            if (!only.isEmpty() && !only.contains(c.name())) {
                continue;
            }
            stubEmulatorsAnswer(emulator, wiremock, c);
            HttpRequest request = signed(emulator, c);
            out.append(c.name()).append('\t').append(c.method()).append('\t').append(c.path()).append('\t')
                    .append(c.body() == null ? "-" : c.body());
            request.headers().map().forEach((name, values) -> out.append('\t').append(name).append(": ")
                    .append(values.get(0)));
            out.append('\n');
        }
        java.nio.file.Files.writeString(file, out);
    }

    /** Registers the emulator's own answer to the case on WireMock, so that both send the same bytes. */
    private static void stubEmulatorsAnswer(String emulator, String wiremock, Case c) throws Exception {
        HttpResponse<String> answer = send(emulator, c);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(c.name() + " " + c.path() + ": the emulator answered " + answer.statusCode() + " " + answer.body());
        }
        stub(wiremock, c, answer.body());
    }

    private static double best(List<Run> runs) {
        return runs.stream().mapToDouble(Run::rps).max().orElse(0);
    }

    private static void stub(String wiremock, Case c, String body) throws Exception {
        String path = c.path().contains("?") ? c.path().substring(0, c.path().indexOf('?')) : c.path();
        String mapping = "{\"request\":{\"method\":\"" + c.method() + "\",\"urlPath\":\"" + path + "\"},"
                + "\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\","
                + "\"X-Request-Id\":\"0123456789abcdef0123456789abcdef\"},\"body\":" + quote(body) + "}}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(wiremock + "/__admin/mappings"))
                .POST(HttpRequest.BodyPublishers.ofString(mapping)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("WireMock refused the stub: " + r.statusCode() + " " + r.body());
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static Run run(String base, Case c, int seconds, int clients) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] failed = new long[clients];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int me = i;
            latencies[me] = new long[1 << 16];
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = HTTP.send(signed(base, c), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failed[me]++;
                            continue;
                        }
                    } catch (Exception e) {
                        failed[me]++;
                        continue;
                    }
                    if (counts[me] == latencies[me].length) {
                        latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
                    }
                    latencies[me][counts[me]++] = System.nanoTime() - t0;
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
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(latencies[i], 0, all, k, counts[i]);
            k += counts[i];
        }
        Arrays.sort(all);
        long bad = Arrays.stream(failed).sum();
        if (bad > 0) {
            System.err.println("api-bench: " + bad + " calls failed against " + base + " (" + c.name() + ")");
        }
        return new Run(total / elapsed, total == 0 ? 0 : all[total / 2] / 1e6,
                total == 0 ? 0 : all[(int) Math.min(total - 1, Math.ceil(total * 0.99) - 1)] / 1e6, bad);
    }

    private static HttpResponse<String> send(String base, Case c) throws Exception {
        return HTTP.send(signed(base, c), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs like the SDK's signer: every request gets its own date and signature. */
    static HttpRequest signed(String base, Case c) throws Exception {
        URI uri = URI.create(base + c.path());
        byte[] body = c.body() == null ? new byte[0] : c.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (c.body() != null) {
            b.header("Content-Type", "application/json");
        }
        if (c.token()) {
            return b.header("X-Auth-Token", token).build();
        }
        String date = SDK_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        String host = uri.getHost() + ":" + uri.getPort();
        StringBuilder canonicalUri = new StringBuilder();
        for (String segment : uri.getRawPath().split("/")) {
            canonicalUri.append(segment).append('/');
        }
        String query = canonicalQuery(uri.getRawQuery());
        String signedHeaders = c.body() != null ? "content-type;host;x-sdk-date" : "host;x-sdk-date";
        String headers = (c.body() != null ? "content-type:application/json\n" : "") + "host:" + host
                + "\nx-sdk-date:" + date + "\n";
        String canonical = c.method() + "\n" + canonicalUri + "\n" + query + "\n" + headers + "\n" + signedHeaders
                + "\n" + hex(SHA256.get().digest(body));
        String toSign = "SDK-HMAC-SHA256\n" + date + "\n" + hex(SHA256.get()
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        // Every request is signed anew, with instances kept per thread so that the client costs the shared
        // cores as little as it can (the SDK itself looks them up on every call).
        Mac mac = HMAC.get();
        String signature = hex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        return b.header("X-Sdk-Date", date)
                .header("Authorization", "SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=" + signedHeaders
                        + ", Signature=" + signature)
                .build();
    }

    /** The SDK sorts the query's parameters by name and keeps each value as encoded. */
    private static String canonicalQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String[] pairs = raw.split("&");
        Arrays.sort(pairs);
        return String.join("&", Arrays.stream(pairs).map(p -> p.contains("=") ? p : p + "=").toList())
                .replace(",", "%2C");
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

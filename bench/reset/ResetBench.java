import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cost of POST /_emulator/reset for one project of a running emulator (auth off): fills the project with
 * {@code assets} IMAGE assets, each with an uploaded and confirmed PNG (a stored object), and {@code jobs} finished
 * TTS preview jobs (each with its stored MP3), then times the reset. Prints:
 * reset: ms=... assets=... jobs=... removed={...}
 */
public class ResetBench {
    static final String PROJECT = "e9993fc787d94b6c886cbaa340f9c0f4";
    static final String EMMA = "06a6f6c8c8a54bcb2b14c97f4bc58d38";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A 1x1 PNG: the stored object matters, not its size. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int assets = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String api = base + "/v1/" + PROJECT;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < assets; i++) {
            int n = i;
            pending.add(pool.submit(() -> { asset(api, n); return null; }));
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
        // At most 20 previews may be ongoing per project (the reference's limit): batches of 20.
        for (int done = 0; done < jobs; ) {
            List<String> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(20, jobs - done); i++) {
                batch.add(field(post(api + "/ttsc/audition", "{\"text\":\"Benchmark preview " + (done + i)
                        + ".\",\"emotion\":\"" + EMMA + "\"}"), "job_id"));
            }
            for (String job : batch) {
                while (!get(api + "/ttsc/audition-file/" + job).contains("\"is_file_complete\":true")) {
                    Thread.sleep(100);
                }
            }
            done += batch.size();
        }
        long start = System.nanoTime();
        String removed = post(base + "/_emulator/reset", "{\"project_id\":\"" + PROJECT + "\"}");
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("reset: ms=%.0f assets=%d jobs=%d %s%n", ms, assets, jobs, removed);
    }

    static void asset(String api, int n) throws Exception {
        String assetId = field(post(api + "/digital-assets", "{\"asset_name\":\"reset-bench-" + n
                + "\",\"asset_type\":\"IMAGE\"}"), "asset_id");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(PNG));
        String file = post(api + "/files", "{\"asset_id\":\"" + assetId + "\",\"file_name\":\"b" + n
                + ".png\",\"file_type\":\"png\",\"file_size\":" + PNG.length + ",\"file_md5\":\"" + md5
                + "\",\"asset_file_category\":\"MAIN\"}");
        String contentMd5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(PNG));
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(field(file, "upload_url")))
                .header("Content-MD5", contentMd5).PUT(HttpRequest.BodyPublishers.ofByteArray(PNG)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("upload: " + put.statusCode() + " " + put.body());
        }
        post(api + "/files/" + field(file, "file_id") + "/complete", "{\"state\":\"CREATED\"}");
    }

    static String post(String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}

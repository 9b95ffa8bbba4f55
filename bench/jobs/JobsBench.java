import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits text jobs of about ten seconds of speech at 1280x720 through the API of a running emulator (auth off)
 * and reports throughput and latency. Phase 1: jobs one at a time on an empty queue (latency). Phase 2: a burst
 * of jobs at once (throughput). Last line: jobs-bench: jobs_per_min=... median_latency_ratio=... burst_median_ratio=...
 */
public class JobsBench {
    static final String PROJECT = "e9993fc787d94b6c886cbaa340f9c0f4";
    static final String VOICE = "06a6f6c8c8a54bcb2b14c97f4bc58d38";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Result(double latencySeconds, double videoSeconds) {
        double ratio() {
            return latencySeconds / videoSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String api = base + "/v1/" + PROJECT;
        String model = find(get(api + "/digital-assets?asset_source=SYSTEM&asset_type=HUMAN_MODEL_2D"
                + "&name=Anna%20(landscape)&accurate_query_field=name"), "asset_id");
        submitAndWait(api, model, "warm-up");

        List<Result> sequential = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sequential.add(submitAndWait(api, model, "seq-" + i));
        }
        long start = System.nanoTime();
        List<String> jobs = new ArrayList<>();
        List<Long> submitted = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            submitted.add(System.nanoTime());
            jobs.add(submit(api, model, "burst-" + i));
        }
        List<Result> burstResults = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            burstResults.add(await(api, jobs.get(i), submitted.get(i)));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double videoSeconds = burstResults.stream().mapToDouble(Result::videoSeconds).sum();
        System.out.printf("sequential: median latency %.2f s for %.2f s videos%n",
                median(sequential.stream().mapToDouble(Result::latencySeconds).toArray()),
                median(sequential.stream().mapToDouble(Result::videoSeconds).toArray()));
        System.out.printf("burst: %d jobs, %.1f s of video in %.1f s wall (%.2f video s per wall s)%n",
                burst, videoSeconds, wall, videoSeconds / wall);
        System.out.printf("jobs-bench: jobs_per_min=%.1f median_latency_ratio=%.2f burst_median_ratio=%.2f%n",
                burst / wall * 60, median(sequential.stream().mapToDouble(Result::ratio).toArray()),
                median(burstResults.stream().mapToDouble(Result::ratio).toArray()));
    }

    static Result submitAndWait(String api, String model, String name) throws Exception {
        long submitted = System.nanoTime();
        return await(api, submit(api, model, name), submitted);
    }

    static String submit(String api, String model, String name) throws Exception {
        String text = "This is benchmark video " + name + ". The emulator renders a presenter who reads this"
                + " paragraph aloud, so that the finished video lasts about ten seconds.";
        String body = """
                {"model_asset_id":"%s","voice_config":{"voice_asset_id":"%s"},
                 "video_config":{"codec":"H264","bitrate":2000,"width":1280,"height":720},
                 "shoot_scripts":[{"sequence_no":0,"shoot_script":{"script_type":"TEXT","text_config":{"text":"%s"},
                   "background_config":[{"background_type":"COLOR","background_color_config":"#1E3A5F"}]}}],
                 "output_asset_config":{"asset_name":"bench %s %d"}}""".formatted(model, VOICE, text, name, System.nanoTime());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/2d-digital-human-videos"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.body());
        }
        return find(response.body(), "job_id");
    }

    static Result await(String api, String jobId, long submittedNanos) throws Exception {
        while (true) {
            String job = get(api + "/2d-digital-human-videos/" + jobId);
            String state = find(job, "state");
            if (state.equals("SUCCEED")) {
                double latency = (System.nanoTime() - submittedNanos) / 1e9;
                Matcher duration = Pattern.compile("\"duration\":([0-9.]+)").matcher(job);
                duration.find();
                return new Result(latency, Double.parseDouble(duration.group(1)));
            }
            if (state.equals("FAILED") || state.equals("CANCELED")) {
                throw new IllegalStateException("job " + jobId + " " + job);
            }
            Thread.sleep(50);
        }
    }

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String find(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return m.group(1);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

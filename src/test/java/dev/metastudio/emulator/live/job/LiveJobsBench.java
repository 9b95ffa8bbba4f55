package dev.metastudio.emulator.live.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.BackgroundConfigInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ControlSmartLiveReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ExecuteSmartLiveCommandRequest;
import com.huaweicloud.sdk.metastudio.v1.model.LiveShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.LiveVideoScriptInfo;
import com.huaweicloud.sdk.metastudio.v1.model.PlayPolicy;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveReq;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.StopSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import dev.metastudio.emulator.media.RtmpListener;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.Videos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not part of the suite: run by bench/live-jobs.sh): N concurrent 1080p25 live jobs on this node, each
 * pushing to its own RTMP server (the ffmpeg program in listen mode) and to HLS, the presenter speaking all along and
 * a PLAY_NOW insert every 5 s. Reports, per stream and overall, frames made, pictures dropped to keep up with the
 * clock, frames behind the clock, PLAY_NOW delay (request to first sound, stream time) and the node's memory.
 */
class LiveJobsBench extends ServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void concurrentStreams() throws Exception {
        int streams = Integer.getInteger("live.bench.streams", 3);
        int seconds = Integer.getInteger("live.bench.seconds", 20);
        MetaStudioClient client = clientA();
        String anna = Videos.systemAvatar(client, "Anna (landscape)");
        Path dir = Files.createTempDirectory("live-jobs-bench");
        List<RtmpListener> servers = new ArrayList<>();
        List<String[]> jobs = new ArrayList<>();
        long rssBefore = rssKb();
        try {
            for (int i = 0; i < streams; i++) {
                int port = RtmpListener.freePort();
                servers.add(RtmpListener.start(port, dir.resolve("s" + i + ".flv")));
                LiveVideoScriptInfo scene = new LiveVideoScriptInfo().withScriptName("bench").withModelAssetId(anna)
                        .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                        .withBackgroundConfig(List.of(new BackgroundConfigInfo()
                                .withBackgroundType(BackgroundConfigInfo.BackgroundTypeEnum.COLOR)
                                .withBackgroundColorConfig("#1E3A5F")))
                        .withShootScripts(List.of(new LiveShootScriptItem().withSequenceNo(1)
                                .withTextConfig(new TextConfig().withText("Welcome to the show. Today we look at"
                                        + " shoes, boots and sandals for every season of the year."))));
                String room = client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(
                        new CreateSmartLiveRoomReq().withRoomName("bench " + UUID.randomUUID())
                                .withSceneScripts(List.of(scene)).withPlayPolicy(new PlayPolicy().withRepeatCount(-1))
                                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080)
                                        .withBitrate(4000)))).getRoomId();
                String job = client.startSmartLive(new StartSmartLiveRequest().withRoomId(room).withBody(
                        new StartSmartLiveReq().withOutputUrls(List.of(RtmpListener.url(port))))).getJobId();
                jobs.add(new String[]{room, job});
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            for (String[] j : jobs) {
                while (!client.showSmartLive(new ShowSmartLiveRequest().withRoomId(j[0]).withJobId(j[1])).getState()
                        .getValue().equals("PROCESSING")) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("job " + j[1] + " not PROCESSING after 60 s: a live job holds a"
                                + " worker thread for as long as it streams; give metastudio.workers.count >= streams");
                    }
                    Thread.sleep(200);
                }
            }
            Thread.sleep(3000);
            long rssRunning = 0;
            for (int s = 0; s < seconds; s += 5) {
                for (String[] j : jobs) {
                    client.executeSmartLiveCommand(new ExecuteSmartLiveCommandRequest().withRoomId(j[0])
                            .withJobId(j[1]).withBody(new ControlSmartLiveReq()
                                    .withCommand(ControlSmartLiveReq.CommandEnum.INSERT_PLAY_SCRIPT)
                                    .withParams(Map.of("text_config", Map.of("text", "Hello. A word from our sponsor."),
                                            "play_type", "PLAY_NOW"))));
                }
                Thread.sleep(5000);
                rssRunning = Math.max(rssRunning, rssKb());
            }
            long frames = 0;
            long dropped = 0;
            long maxDrift = 0;
            List<Long> latencies = new ArrayList<>();
            for (String[] j : jobs) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_emulator/jobs/"
                        + j[1])).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode stream = JSON.readTree(r.body()).path("stream");
                frames += stream.path("frames").asLong();
                dropped += stream.path("dropped").asLong();
                maxDrift = Math.max(maxDrift, stream.path("drift_frames").asLong());
                stream.path("insert_latency_ms").forEach(n -> latencies.add(n.asLong()));
                System.out.println("live-jobs-bench stream " + j[1] + ": " + stream);
            }
            latencies.sort(Long::compare);
            long p95 = latencies.isEmpty() ? -1 : latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
            System.out.printf("live-jobs-bench: streams=%d seconds=%d frames=%d dropped=%d (%.1f%%) max_drift_frames=%d"
                            + " playnow_ms_p95=%d playnow_ms_max=%d rss_mb_before=%d rss_mb_running=%d"
                            + " rss_mb_per_stream=%d%n", streams, seconds, frames, dropped,
                    frames == 0 ? 0 : 100.0 * dropped / frames, maxDrift, p95,
                    latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1), rssBefore / 1024,
                    rssRunning / 1024, (rssRunning - rssBefore) / 1024 / Math.max(1, streams));
        } finally {
            for (String[] j : jobs) {
                try {
                    client.stopSmartLive(new StopSmartLiveRequest().withRoomId(j[0]).withJobId(j[1]));
                } catch (RuntimeException ignored) {
                    // already ended
                }
            }
            Thread.sleep(2000);
            for (RtmpListener s : servers) {
                s.close();
            }
        }
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}

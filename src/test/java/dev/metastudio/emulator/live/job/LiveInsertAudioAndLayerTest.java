package dev.metastudio.emulator.live.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.BackgroundConfigInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ControlSmartLiveReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ExecuteSmartLiveCommandRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ExecuteSmartLiveCommandResponse;
import com.huaweicloud.sdk.metastudio.v1.model.LiveEventCallBackConfig;
import com.huaweicloud.sdk.metastudio.v1.model.LiveShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.LiveVideoScriptInfo;
import com.huaweicloud.sdk.metastudio.v1.model.PlayPolicy;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveResponse;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveReq;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.StopSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import dev.metastudio.emulator.media.RtmpListener;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.Videos;
import java.awt.Color;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/**
 * INSERT_PLAY_AUDIO and SHOW_LAYER (reference 11.5) on a running live job, through the official SDK, against an RTMP
 * server inside the test (FFmpeg listen mode through JavaCV) that measures, per received audio frame, its loudness and
 * how much of it is the inserted 880 Hz tone, and per received video frame the mean colour inside the layer's box.
 */
class LiveInsertAudioAndLayerTest extends ServerTest {
    private static final double LOUD = 0.02;
    private static final double TONE_HZ = 880;
    /** Layer box (layout = output pixels at 1920x1080). */
    private static final int BX = 100;
    private static final int BY = 100;
    private static final int BW = 300;
    private static final int BH = 200;

    @Test
    void insertedAudioIsHeardLayerIsShownForItsDurationAndRefusals() throws Exception {
        MetaStudioClient client = clientA();
        String anna = Videos.systemAvatar(client, "Anna (landscape)");
        String tone = Assets.uploaded(client, AssetTypeEnum.AUDIO, "tone.wav", TestMedia.wav(2.0, TONE_HZ, 44_100));
        String red = Assets.uploaded(client, AssetTypeEnum.IMAGE, "red.png", TestMedia.png(300, 200, Color.RED));
        awaitActive(client, tone);
        awaitActive(client, red);

        List<String> callbacks = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/cb", exchange -> {
            callbacks.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
        LiveVideoScriptInfo scene = new LiveVideoScriptInfo().withScriptName("audio").withModelAssetId(anna)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                .withBackgroundConfig(List.of(new BackgroundConfigInfo()
                        .withBackgroundType(BackgroundConfigInfo.BackgroundTypeEnum.COLOR)
                        .withBackgroundColorConfig("#1E3A5F")))
                .withShootScripts(List.of(new LiveShootScriptItem().withSequenceNo(1).withTitle("hello")
                        .withTextConfig(new TextConfig().withText("Welcome to the show."))));
        String room = client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(new CreateSmartLiveRoomReq()
                .withRoomName("live audio " + UUID.randomUUID()).withSceneScripts(List.of(scene))
                .withPlayPolicy(new PlayPolicy().withAutoPlayScript(false).withRepeatCount(-1))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080)))).getRoomId();
        int port = RtmpListener.freePort();
        try (Receiver rx = new Receiver(port)) {
            com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveResponse started = client.startSmartLive(
                    new StartSmartLiveRequest().withRoomId(room).withBody(
                    new StartSmartLiveReq().withOutputUrls(List.of("rtmp://127.0.0.1:" + port + "/live"))
                            .withStreamKeys(List.of("key"))
                            .withLiveEventCallbackConfig(new LiveEventCallBackConfig()
                                    .withLiveEventTypeCallbackUrl("http://127.0.0.1:" + http.getAddress().getPort()
                                            + "/cb")
                                    .withCallbackEventType(List.of("REPLY_COMMAND_FINISH")))));
            String job = started.getJobId();
            awaitState(client, room, job, "PROCESSING", Duration.ofSeconds(30));
            Instant until = Instant.now().plusSeconds(30);
            while (rx.pictures.size() < 25 && Instant.now().isBefore(until)) {
                assertThat(rx.failure.get()).as("receiver").isNull();
                Thread.sleep(50);
            }
            assertThat(rx.pictures.size()).as("frames received").isGreaterThanOrEqualTo(25);

            // Silent, no layer, before the commands.
            long quietFrom = System.nanoTime();
            Thread.sleep(600);
            long quietTo = System.nanoTime();
            assertThat(rx.loudest(quietFrom, quietTo)).as("silence before the insert").isLessThan(LOUD);
            assertThat(rx.pictures(quietFrom, quietTo)).as("pictures before the layer").isNotEmpty()
                    .noneMatch(Picture::red);

            // INSERT_PLAY_AUDIO, PLAY_NOW: the tone is heard on the stream, for its two seconds.
            long sent = System.nanoTime();
            ExecuteSmartLiveCommandResponse inserted = command(client, room, job, "INSERT_PLAY_AUDIO", Map.of(
                    "audio_url", tone, "play_type", "PLAY_NOW"));
            assertThat(inserted.getCommandId()).isNotBlank();
            Sound heard = null;
            until = Instant.now().plusSeconds(5);
            while (heard == null && Instant.now().isBefore(until)) {
                heard = rx.firstTone(sent);
                Thread.sleep(20);
            }
            assertThat(heard).as("the inserted tone is heard").isNotNull();
            long latencyMs = (heard.arrivedNanos() - sent) / 1_000_000;
            System.out.println("INSERT_PLAY_AUDIO PLAY_NOW to tone at the RTMP receiver: " + latencyMs + " ms");
            assertThat(latencyMs).as("ms from PLAY_NOW to the tone").isLessThan(1500);
            Thread.sleep(3500);
            double toneSeconds = rx.toneSeconds(sent, System.nanoTime());
            System.out.println("tone heard for " + toneSeconds + " s (inserted: 2.0 s)");
            assertThat(toneSeconds).as("seconds of tone received").isBetween(1.6, 2.4);
            awaitCallback(callbacks, inserted.getCommandId());
            assertThat(callbacks).anyMatch(c -> c.contains("REPLY_COMMAND_FINISH")
                    && c.contains(inserted.getCommandId()));

            // SHOW_LAYER: the red image is in its box for display_duration (2 s), then gone.
            long shown = System.nanoTime();
            command(client, room, job, "SHOW_LAYER", Map.of("layer_config", Map.of("layer_type", "IMAGE",
                    "asset_id", red, "position", Map.of("dx", BX, "dy", BY, "layer_index", 200),
                    "size", Map.of("width", BW, "height", BH),
                    "image_config", Map.of("image_url", red, "display_duration", 2))));
            Thread.sleep(4500);
            long after = System.nanoTime();
            List<Picture> during = rx.pictures(shown, after);
            List<Picture> reds = during.stream().filter(Picture::red).toList();
            assertThat(reds).as("frames with the layer (of %s, e.g. %s)", during.size(),
                    during.isEmpty() ? null : during.get(during.size() / 3)).isNotEmpty();
            double seenSeconds = (reds.get(reds.size() - 1).arrivedNanos() - reds.get(0).arrivedNanos()) / 1e9;
            System.out.println("layer seen for " + seenSeconds + " s over " + reds.size() + " frames (duration 2 s),"
                    + " first " + (reds.get(0).arrivedNanos() - shown) / 1_000_000 + " ms after the command");
            assertThat(seenSeconds).as("seconds the layer is seen").isBetween(1.5, 2.6);
            assertThat(reds.size()).as("frames with the layer").isBetween(38, 65);
            // Outside the box the picture is not red.
            assertThat(reds).noneMatch(Picture::outsideRed);
            Thread.sleep(300);
            assertThat(rx.pictures(reds.get(reds.size() - 1).arrivedNanos() + 1, System.nanoTime()))
                    .as("frames after the layer's duration").isNotEmpty().noneMatch(Picture::red);

            // CLEAN_UP_INSERT_COMMAND drops an APPENDed audio not yet playing: only the first is heard.
            long cleanFrom = System.nanoTime();
            ExecuteSmartLiveCommandResponse firstAudio = command(client, room, job, "INSERT_PLAY_AUDIO",
                    Map.of("audio_url", tone));
            ExecuteSmartLiveCommandResponse secondAudio = command(client, room, job, "INSERT_PLAY_AUDIO",
                    Map.of("audio_url", tone, "play_type", "APPEND"));
            command(client, room, job, "CLEAN_UP_INSERT_COMMAND", Map.of("command_ids",
                    List.of(secondAudio.getCommandId())));
            Thread.sleep(5500);
            double cleaned = rx.toneSeconds(cleanFrom, System.nanoTime());
            System.out.println("after CLEAN_UP of the second: tone heard for " + cleaned + " s");
            assertThat(cleaned).as("seconds of tone with the second insert cleaned up").isBetween(1.6, 2.4);
            awaitCallback(callbacks, firstAudio.getCommandId());
            assertThat(callbacks).noneMatch(c -> c.contains(secondAudio.getCommandId()));

            // A rule whose trigger has reply_audios and an IMAGE layer_config: a matching comment plays the audio and
            // shows the layer.
            command(client, room, job, "REWRITE_INTERACTION_RULES", Map.of("interaction_rules", List.of(Map.of(
                    "rule_name", "tone", "event_type", 1,
                    "hit_condition", Map.of("relation", "AND", "priority", 1, "tags", List.of(Map.of("tag", "content",
                            "match", "REGEX", "value", "tone"))),
                    "trigger", Map.of("time_window", 0, "reply_audios", List.of(Map.of("audio_url", tone,
                                    "audio_name", "tone")),
                            "layer_config", Map.of("layer_type", "IMAGE", "asset_id", red,
                                    "position", Map.of("dx", BX, "dy", BY), "size", Map.of("width", BW, "height", BH),
                                    "image_config", Map.of("image_url", red, "display_duration", 2)))))));
            long reported = System.nanoTime();
            String events = "{\"total\":1,\"events\":[{\"timestamp\":" + System.currentTimeMillis()
                    + ",\"type\":1,\"content\":\"{\\\"user\\\":{\\\"name\\\":\\\"ann\\\"},\\\"content\\\":"
                    + "\\\"play the tone\\\"}\"}]}";
            java.net.http.HttpResponse<String> report = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(started.getLiveEventReportUrl()))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(events)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
            Thread.sleep(3500);
            double replied = rx.toneSeconds(reported, System.nanoTime());
            List<Picture> ruleReds = rx.pictures(reported, System.nanoTime()).stream().filter(Picture::red).toList();
            System.out.println("rule reply: tone " + replied + " s, layer in " + ruleReds.size() + " frames");
            assertThat(replied).as("seconds of the rule's reply audio").isBetween(1.6, 2.4);
            assertThat(ruleReds.size()).as("frames with the rule's layer").isBetween(38, 65);

            // Refusals while it runs: 400 naming the field.
            assertRefused(() -> command(client, room, job, "INSERT_PLAY_AUDIO", Map.of("audio_url",
                    UUID.randomUUID().toString())), 400, "params.audio_url");
            assertRefused(() -> command(client, room, job, "INSERT_PLAY_AUDIO", Map.of("play_type", "APPEND")),
                    400, "params.audio_url");
            assertRefused(() -> command(client, room, job, "INSERT_PLAY_AUDIO", Map.of("audio_url", tone,
                    "play_type", "LATER")), 400, "params.play_type");
            ServiceResponseException wrongType = assertRefused(() -> command(client, room, job, "INSERT_PLAY_AUDIO",
                    Map.of("audio_url", red)), 400, "params.audio_url");
            assertThat(wrongType.getErrorCode()).isEqualTo("MSS.20010155");
            assertRefused(() -> command(client, room, job, "INSERT_PLAY_AUDIO", Map.of("audio_url",
                    "https://cdn.example.com/a.mp3")), 400, "params.audio_url");
            assertRefused(() -> command(client, room, job, "SHOW_LAYER", Map.of("layer_config", Map.of(
                    "layer_type", "IMAGE", "asset_id", UUID.randomUUID().toString()))), 400,
                    "params.layer_config.asset_id");
            assertRefused(() -> command(client, room, job, "SHOW_LAYER", Map.of("layer_config", Map.of(
                    "asset_id", red))), 400, "params.layer_config.layer_type");
            assertRefused(() -> command(client, room, job, "SHOW_LAYER", Map.of("layer_config", Map.of(
                    "layer_type", "IMAGE", "asset_id", red, "image_config", Map.of("display_duration", 4000)))), 400,
                    "params.layer_config.image_config.display_duration");
            assertRefused(() -> command(client, room, job, "SHOW_LAYER", Map.of("layer_config", Map.of(
                    "layer_type", "IMAGE", "asset_id", red, "size", Map.of("width", -5)))), 400,
                    "params.layer_config.size.width");
            assertRefused(() -> command(client, room, job, "SHOW_LAYER", Map.of("layer_config", Map.of(
                    "layer_type", "IMAGE"))), 400, "params.layer_config.image_config.image_url");
            // Another project sees nothing of the job, and its assets are not usable here.
            assertThat(assertRefused(() -> command(clientB(), room, job, "INSERT_PLAY_AUDIO", Map.of("audio_url",
                    tone)), 404, "").getErrorCode()).isEqualTo("MSS.20010046");
            String foreign = Assets.uploaded(clientB(), AssetTypeEnum.AUDIO, "b.wav", TestMedia.wav(1.0, 440, 16_000));
            awaitActive(clientB(), foreign);
            assertRefused(() -> command(client, room, job, "INSERT_PLAY_AUDIO", Map.of("audio_url", foreign)), 400,
                    "params.audio_url");

            client.stopSmartLive(new StopSmartLiveRequest().withRoomId(room).withJobId(job));
            awaitState(client, room, job, "SUCCEED", Duration.ofSeconds(30));
            assertThat(assertRefused(() -> command(client, room, job, "INSERT_PLAY_AUDIO", Map.of("audio_url", tone)),
                    400, "").getErrorCode()).isEqualTo("MSS.20010099");
            assertThat(assertRefused(() -> command(client, room, job, "SHOW_LAYER", Map.of("layer_config", Map.of(
                    "layer_type", "IMAGE", "asset_id", red))), 400, "").getErrorCode()).isEqualTo("MSS.20010099");
        } finally {
            http.stop(0);
        }
    }

    private static void awaitActive(MetaStudioClient client, String assetId) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!"ACTIVED".equals(String.valueOf(Assets.show(client, assetId).getAssetState()))
                && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(String.valueOf(Assets.show(client, assetId).getAssetState())).isEqualTo("ACTIVED");
    }

    private static void awaitCallback(List<String> callbacks, String id) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(15);
        while (callbacks.stream().noneMatch(c -> c.contains(id)) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(callbacks).as("REPLY_COMMAND_FINISH of %s", id).anyMatch(c -> c.contains(id));
    }

    private static ServiceResponseException assertRefused(Runnable call, int status, String field) {
        ServiceResponseException e = catchThrowableOfType(call::run, ServiceResponseException.class);
        assertThat(e).as("the call is refused").isNotNull();
        assertThat(e.getHttpStatusCode()).as(e.getErrorMsg()).isEqualTo(status);
        assertThat(e.getErrorMsg()).contains(field);
        return e;
    }

    private static ShowSmartLiveResponse awaitState(MetaStudioClient client, String room, String job, String state,
                                                    Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ShowSmartLiveResponse r = client.showSmartLive(new ShowSmartLiveRequest().withRoomId(room)
                    .withJobId(job));
            if (r.getState().getValue().equals(state)) {
                return r;
            }
            assertThat(Instant.now()).as("job %s still %s (%s)", job, r.getState(), r.getErrorInfo())
                    .isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static ExecuteSmartLiveCommandResponse command(MetaStudioClient client, String room, String job,
                                                           String command, Object params) {
        return client.executeSmartLiveCommand(new ExecuteSmartLiveCommandRequest().withRoomId(room).withJobId(job)
                .withBody(new ControlSmartLiveReq().withCommand(ControlSmartLiveReq.CommandEnum.fromValue(command))
                        .withParams(params)));
    }

    record Sound(long arrivedNanos, double rms, double toneShare, double seconds) {
        boolean tone() {
            return rms > LOUD && toneShare > 0.7;
        }
    }

    /** Mean colour inside the layer's box (inset), and of a patch right of it. */
    record Picture(long arrivedNanos, double r, double g, double b, double outR, double outG, double outB) {
        boolean red() {
            return r > 170 && g < 90 && b < 90;
        }

        boolean outsideRed() {
            return outR > 170 && outG < 90 && outB < 90;
        }
    }

    /** RTMP server in the test: per audio frame loudness and 880 Hz share, per picture the box's colour. */
    static final class Receiver implements AutoCloseable {
        final List<Sound> sounds = new CopyOnWriteArrayList<>();
        final List<Picture> pictures = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final String url;
        private final Thread thread;
        private volatile boolean closing;

        Receiver(int port) {
            this.url = "rtmp://127.0.0.1:" + port + "/live/key";
            this.thread = new Thread(this::run, "test-rtmp-audio-layer-" + port);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        private void run() {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url)) {
                grabber.setFormat("flv");
                grabber.setOption("listen", "1");
                grabber.setOption("timeout", "60");
                grabber.setOption("fflags", "nobuffer");
                grabber.setOption("analyzeduration", "500000");
                grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
                grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
                grabber.setSampleRate(48_000);
                grabber.setAudioChannels(1);
                grabber.start();
                Frame frame;
                while (!closing && (frame = grabber.grab()) != null) {
                    long now = System.nanoTime();
                    if (frame.image != null) {
                        pictures.add(picture(frame, now));
                    }
                    if (frame.samples != null && frame.samples[0] instanceof ShortBuffer s) {
                        sounds.add(sound(s, frame.sampleRate > 0 ? frame.sampleRate : 48_000, now));
                    }
                }
            } catch (Throwable t) {
                if (!closing) {
                    failure.set(t);
                }
            }
        }

        private static Picture picture(Frame frame, long now) {
            ByteBuffer buf = (ByteBuffer) frame.image[0];
            int stride = frame.imageStride;
            double[] in = mean(buf, stride, BX + 20, BY + 20, BW - 40, BH - 40);
            double[] out = mean(buf, stride, BX + BW + 40, BY + 20, 120, BH - 40);
            return new Picture(now, in[0], in[1], in[2], out[0], out[1], out[2]);
        }

        private static double[] mean(ByteBuffer buf, int stride, int x0, int y0, int w, int h) {
            double r = 0;
            double g = 0;
            double b = 0;
            int n = 0;
            for (int y = y0; y < y0 + h; y += 4) {
                for (int x = x0; x < x0 + w; x += 4) {
                    int i = y * stride + x * 3;
                    b += buf.get(i) & 0xff;
                    g += buf.get(i + 1) & 0xff;
                    r += buf.get(i + 2) & 0xff;
                    n++;
                }
            }
            return new double[]{r / n, g / n, b / n};
        }

        private static Sound sound(ShortBuffer s, int rate, long now) {
            double sum = 0;
            double sin = 0;
            double cos = 0;
            int n = 0;
            for (int i = s.position(); i < s.limit(); i++) {
                double v = s.get(i) / 32768.0;
                double w = 2 * Math.PI * TONE_HZ * n / rate;
                sum += v * v;
                sin += v * Math.sin(w);
                cos += v * Math.cos(w);
                n++;
            }
            if (n == 0) {
                return new Sound(now, 0, 0, 0);
            }
            double rms = Math.sqrt(sum / n);
            double toneRms = 2 * Math.sqrt(sin * sin + cos * cos) / n / Math.sqrt(2);
            return new Sound(now, rms, rms == 0 ? 0 : toneRms / rms, n / (double) rate);
        }

        Sound firstTone(long since) {
            return sounds.stream().filter(s -> s.arrivedNanos() >= since && s.tone()).findFirst().orElse(null);
        }

        double toneSeconds(long from, long to) {
            return sounds.stream().filter(s -> s.arrivedNanos() >= from && s.arrivedNanos() < to && s.tone())
                    .mapToDouble(Sound::seconds).sum();
        }

        double loudest(long from, long to) {
            return sounds.stream().filter(s -> s.arrivedNanos() >= from && s.arrivedNanos() < to)
                    .mapToDouble(Sound::rms).max().orElse(0);
        }

        List<Picture> pictures(long from, long to) {
            return pictures.stream().filter(p -> p.arrivedNanos() >= from && p.arrivedNanos() < to).toList();
        }

        @Override
        public void close() throws InterruptedException {
            closing = true;
            thread.join(10_000);
        }
    }
}

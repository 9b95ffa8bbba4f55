package dev.metastudio.emulator.live.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.BackgroundConfigInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ControlSmartLiveReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ExecuteSmartLiveCommandRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ExecuteSmartLiveCommandResponse;
import com.huaweicloud.sdk.metastudio.v1.model.HitCondition;
import com.huaweicloud.sdk.metastudio.v1.model.HitConditionTag;
import com.huaweicloud.sdk.metastudio.v1.model.ListSmartLiveJobsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.LiveRoomInteractionRuleInfo;
import com.huaweicloud.sdk.metastudio.v1.model.LiveShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.LiveVideoScriptInfo;
import com.huaweicloud.sdk.metastudio.v1.model.PlayPolicy;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveResponse;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveReq;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveResponse;
import com.huaweicloud.sdk.metastudio.v1.model.StopSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import com.huaweicloud.sdk.metastudio.v1.model.TriggerProcess;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import dev.metastudio.emulator.media.RtmpListener;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.Videos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Live jobs through the official SDK against a real RTMP server inside the test (FFmpeg listen mode through JavaCV):
 * the stream is 1920x1080 H.264 at 25 fps with AAC sound, a PLAY_NOW insert is heard within 1 s of the command, an
 * audience comment matching a REGEX rule is answered, the HLS playlist is served while the job runs, stop ends it
 * SUCCEED with its duration; and the documented refusals.
 */
class LiveJobContractTest extends ServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Autowired
    private LiveStreams streams;
    /** Speech is far louder than this; the idle presenter is silent. */
    private static final double LOUD = 0.02;

    private String room(MetaStudioClient client, String anna, boolean autoPlay) {
        LiveVideoScriptInfo scene = new LiveVideoScriptInfo().withScriptName("opening").withModelAssetId(anna)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                .withBackgroundConfig(List.of(new BackgroundConfigInfo()
                        .withBackgroundType(BackgroundConfigInfo.BackgroundTypeEnum.COLOR)
                        .withBackgroundColorConfig("#1E3A5F")))
                .withShootScripts(List.of(new LiveShootScriptItem().withSequenceNo(1).withTitle("hello")
                        .withTextConfig(new TextConfig().withText("Welcome to the show."))));
        LiveRoomInteractionRuleInfo rule = new LiveRoomInteractionRuleInfo().withRuleName("price").withEventType(1)
                .withHitCondition(new HitCondition().withRelation(HitCondition.RelationEnum.AND).withPriority(10)
                        .withTags(List.of(new HitConditionTag().withTag("content")
                                .withMatch(HitConditionTag.MatchEnum.REGEX).withValue("how much|price"))))
                .withTrigger(new TriggerProcess().withTimeWindow(0)
                        .withReplyTexts(List.of("It costs ten dollars today.")));
        return client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(new CreateSmartLiveRoomReq()
                .withRoomName("live job " + UUID.randomUUID()).withSceneScripts(List.of(scene))
                .withInteractionRules(List.of(rule))
                .withPlayPolicy(new PlayPolicy().withAutoPlayScript(autoPlay).withRepeatCount(-1))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080)))).getRoomId();
    }

    private static ShowSmartLiveResponse show(MetaStudioClient client, String room, String job) {
        return client.showSmartLive(new ShowSmartLiveRequest().withRoomId(room).withJobId(job));
    }

    private static ShowSmartLiveResponse awaitState(MetaStudioClient client, String room, String job, String state,
                                                    Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ShowSmartLiveResponse r = show(client, room, job);
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

    private static ServiceResponseException refused(Runnable call) {
        ServiceResponseException e = catchThrowableOfType(call::run, ServiceResponseException.class);
        assertThat(e).as("the call is refused").isNotNull();
        return e;
    }

    @Test
    void streamsOverRtmpAndHlsTakesPlayNowAnswersACommentAndStops() throws Exception {
        MetaStudioClient client = clientA();
        String anna = Videos.systemAvatar(client, "Anna (landscape)");
        String room = room(client, anna, false);
        int port = RtmpListener.freePort();
        try (RtmpReceiver receiver = new RtmpReceiver(port)) {
            StartSmartLiveResponse started = client.startSmartLive(new StartSmartLiveRequest().withRoomId(room)
                    .withBody(new StartSmartLiveReq().withOutputUrls(List.of("rtmp://127.0.0.1:" + port + "/live"))
                            .withStreamKeys(List.of("key"))));
            String job = started.getJobId();
            assertThat(job).isNotBlank();
            assertThat(started.getRtcRoomInfo().getUsers()).isNotEmpty();
            assertThat(started.getRtcRoomInfo().getUsers().get(0).getSignature()).isNotBlank();
            assertThat(started.getLiveEventReportUrl()).contains("/smart-live-jobs/" + job + "/live-event-report")
                    .contains("auth_key=").contains("expires_time=");
            assertThat(started.getLiveWarningInfo()).extracting(w -> w.getWarningType().getValue())
                    .contains("TOO_LESS_SCRIPT_ITEMS", "ROTATION_MODEL_CLOSED");

            // One active job per room.
            ServiceResponseException second = refused(() -> client.startSmartLive(new StartSmartLiveRequest()
                    .withRoomId(room).withBody(new StartSmartLiveReq())));
            assertThat(second.getErrorCode()).isEqualTo("MSS.20010036");

            awaitState(client, room, job, "PROCESSING", Duration.ofSeconds(30));
            // Another project sees and changes nothing of it.
            MetaStudioClient other = clientB();
            assertThat(refused(() -> show(other, room, job)).getErrorCode()).isEqualTo("MSS.20010046");
            assertThat(refused(() -> other.stopSmartLive(new StopSmartLiveRequest().withRoomId(room).withJobId(job)))
                    .getErrorCode()).isEqualTo("MSS.20010046");
            assertThat(refused(() -> command(other, room, job, "GET_LIVE_JOB_CONFIG_INFO", null)).getErrorCode())
                    .isEqualTo("MSS.20010046");
            assertThat(other.listSmartLiveJobs(new ListSmartLiveJobsRequest()).getSmartLiveJobs())
                    .extracting(j -> j.getJobId()).doesNotContain(job);
            Instant until = Instant.now().plusSeconds(30);
            while (receiver.videoFrames < 25 && Instant.now().isBefore(until)) {
                assertThat(receiver.failure()).as("receiver").isNull();
                Thread.sleep(50);
            }
            assertThat(receiver.videoFrames).as("frames received").isGreaterThanOrEqualTo(25);
            assertThat(receiver.width).isEqualTo(1920);
            assertThat(receiver.height).isEqualTo(1080);
            assertThat(receiver.videoCodec).isEqualTo("h264");
            assertThat(receiver.audioCodec).isEqualTo("aac");
            assertThat(receiver.frameRate).isEqualTo(25.0);

            // HLS while it runs, without credentials.
            HttpResponse<String> playlist = null;
            until = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(until)) {
                playlist = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_emulator/live/" + job
                        + "/index.m3u8")).build(), HttpResponse.BodyHandlers.ofString());
                if (playlist.statusCode() == 200 && playlist.body().contains(".ts")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(playlist.statusCode()).isEqualTo(200);
            assertThat(playlist.body()).startsWith("#EXTM3U").contains("segment");

            // auto_play_script=false: the presenter is silent until told to speak.
            long quietFrom = System.nanoTime();
            Thread.sleep(600);
            assertThat(receiver.loudest(quietFrom, System.nanoTime())).as("silence before the insert")
                    .isLessThan(LOUD);
            long sent = System.nanoTime();
            ExecuteSmartLiveCommandResponse inserted = command(client, room, job, "INSERT_PLAY_SCRIPT", Map.of(
                    "text_config", Map.of("text", "Hello. This is an inserted announcement."), "play_type",
                    "PLAY_NOW"));
            assertThat(inserted.getCommandId()).isNotBlank();
            RtmpReceiver.Sound heard = null;
            until = Instant.now().plusSeconds(5);
            while (heard == null && Instant.now().isBefore(until)) {
                heard = receiver.firstLoud(sent, LOUD);
                Thread.sleep(20);
            }
            assertThat(heard).as("the inserted speech is heard").isNotNull();
            System.out.println("PLAY_NOW to sound at the RTMP receiver: " + (heard.arrivedNanos() - sent) / 1_000_000
                    + " ms");
            assertThat((heard.arrivedNanos() - sent) / 1_000_000).as("ms from PLAY_NOW to its sound")
                    .isLessThan(1000);

            ExecuteSmartLiveCommandResponse playing = command(client, room, job, "GET_CURRENT_PLAYING_SCRIPTS", null);
            assertThat(playing.getResult()).contains("\"script_name\":\"opening\"").contains("\"sequence_no\":1");
            ExecuteSmartLiveCommandResponse info = command(client, room, job, "GET_LIVE_JOB_CONFIG_INFO", null);
            assertThat(info.getResult()).contains("\"scene_scripts\"").contains("rtmp://127.0.0.1:" + port);

            // A comment matching the REGEX rule, reported through the job's own URL without IAM credentials.
            Thread.sleep(3000);
            long reported = System.nanoTime();
            String events = "{\"total\":1,\"events\":[{\"timestamp\":" + System.currentTimeMillis()
                    + ",\"type\":1,\"content\":\"{\\\"user\\\":{\\\"name\\\":\\\"ann\\\"},\\\"content\\\":"
                    + "\\\"what is the price?\\\"}\"}]}";
            HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(URI.create(started.getLiveEventReportUrl()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(events))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
            assertThat(report.body()).contains("live_event_report_url");
            RtmpReceiver.Sound reply = null;
            until = Instant.now().plusSeconds(5);
            while (reply == null && Instant.now().isBefore(until)) {
                reply = receiver.firstLoud(reported, LOUD);
                Thread.sleep(20);
            }
            assertThat(reply).as("the rule's reply is heard").isNotNull();

            HttpResponse<String> tampered = HTTP.send(HttpRequest.newBuilder(URI.create(started
                            .getLiveEventReportUrl().replace("auth_key=", "auth_key=0")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(events))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tampered.statusCode()).isEqualTo(401);
            assertThat(tampered.body()).contains("MSS.20010039");

            ServiceResponseException unknownCommand = refused(() -> command(client, room, job, "NO_SUCH_COMMAND",
                    null));
            assertThat(unknownCommand.getErrorCode()).isEqualTo("MSS.20010053");

            assertThat(client.listSmartLive(new ListSmartLiveRequest().withRoomId(room)).getSmartLiveJobs())
                    .extracting(j -> j.getJobId()).containsExactly(job);
            assertThat(client.listSmartLiveJobs(new ListSmartLiveJobsRequest().withState("PROCESSING"))
                    .getSmartLiveJobs()).extracting(j -> j.getJobId()).contains(job);

            client.stopSmartLive(new StopSmartLiveRequest().withRoomId(room).withJobId(job));
            ShowSmartLiveResponse done = awaitState(client, room, job, "SUCCEED", Duration.ofSeconds(30));
            assertThat(done.getDuration()).isGreaterThan(3.0f);
            assertThat(done.getStreamDuration()).isGreaterThan(3.0f);
            assertThat(done.getStartTime()).isNotBlank();
            assertThat(done.getEndTime()).isNotBlank();
            assertThat(done.getLastupdateTime()).isNotBlank();

            ServiceResponseException stopped = refused(() -> command(client, room, job, "INSERT_PLAY_SCRIPT",
                    Map.of("text_config", Map.of("text", "too late"))));
            assertThat(stopped.getErrorCode()).isEqualTo("MSS.20010099");
            ServiceResponseException stopAgain = refused(() -> client.stopSmartLive(new StopSmartLiveRequest()
                    .withRoomId(room).withJobId(job)));
            assertThat(stopAgain.getErrorCode()).isEqualTo("MSS.20010099");
        }
    }

    @Test
    void playsTheScriptWithCallbacksMovesThePushAndEndsByItself() throws Exception {
        MetaStudioClient client = clientA();
        String anna = Videos.systemAvatar(client, "Anna (landscape)");
        List<String> callbacks = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiverHttp = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiverHttp.createContext("/cb", exchange -> {
            callbacks.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiverHttp.start();
        LiveVideoScriptInfo scene = new LiveVideoScriptInfo().withScriptName("shoes").withModelAssetId(anna)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                .withShootScripts(List.of(
                        new LiveShootScriptItem().withSequenceNo(1).withTitle("first")
                                .withTextConfig(new TextConfig().withText("Welcome to the show.")),
                        new LiveShootScriptItem().withSequenceNo(2).withTitle("second")
                                .withTextConfig(new TextConfig().withText("Today we look at shoes, boots and sandals for"
                                        + " every season of the year, and at how to keep them clean."))));
        String room = client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(new CreateSmartLiveRoomReq()
                .withRoomName("live script " + UUID.randomUUID()).withSceneScripts(List.of(scene))
                .withPlayPolicy(new PlayPolicy().withRepeatCount(1).withRandomPlayMode(PlayPolicy.RandomPlayModeEnum.NONE))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080)))).getRoomId();
        int port1 = RtmpListener.freePort();
        int port2 = RtmpListener.freePort();
        // One listener at a time: FFmpegFrameGrabber.start() holds a JavaCV-wide lock while it waits for a publisher.
        try (RtmpReceiver first = new RtmpReceiver(port1)) {
            String job = client.startSmartLive(new StartSmartLiveRequest().withRoomId(room).withBody(
                    new StartSmartLiveReq().withOutputUrls(List.of("rtmp://127.0.0.1:" + port1 + "/live/key"))
                            .withLiveEventCallbackConfig(new com.huaweicloud.sdk.metastudio.v1.model.LiveEventCallBackConfig()
                                    .withLiveEventTypeCallbackUrl("http://127.0.0.1:" + receiverHttp.getAddress().getPort()
                                            + "/cb")
                                    .withCallbackEventType(List.of("SHOOT_SCRIPT_SWITCH", "RTMP_STREAM_STATE_CHANGE")))))
                    .getJobId();
            awaitState(client, room, job, "PROCESSING", Duration.ofSeconds(30));
            Instant until = Instant.now().plusSeconds(30);
            while (first.videoFrames < 10 && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            assertThat(first.videoFrames).as("frames at the first server").isGreaterThanOrEqualTo(10);

            RtmpReceiver second = new RtmpReceiver(port2);
            Thread.sleep(300);
            command(client, room, job, "REFRESH_OUTPUT_URL", Map.of("output_urls",
                    List.of("rtmp://127.0.0.1:" + port2 + "/live"), "stream_keys", List.of("key")));
            until = Instant.now().plusSeconds(20);
            while (second.videoFrames < 10 && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            assertThat(second.videoFrames).as("frames at the second server after REFRESH_OUTPUT_URL (started %s,"
                            + " failure %s, first alive %s, width %s, sounds %s, alive %s)", second.started, second.failure(),
                            first.alive(), second.width, second.sounds.size(), second.alive())
                    .isGreaterThanOrEqualTo(10);
            assertThat(second.width).isEqualTo(1920);
            second.close();

            // Two rounds of two paragraphs (repeat_count 1), then SUCCEED by itself.
            ShowSmartLiveResponse done = awaitState(client, room, job, "SUCCEED", Duration.ofSeconds(60));
            assertThat(done.getDuration()).isGreaterThan(2.0f);
            until = Instant.now().plusSeconds(20);
            while (callbacks.stream().filter(c -> c.contains("SHOOT_SCRIPT_SWITCH")).count() < 4
                    && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            List<String> switches = callbacks.stream().filter(c -> c.contains("SHOOT_SCRIPT_SWITCH")).toList();
            assertThat(switches).as("callbacks %s", callbacks).hasSize(4);
            assertThat(switches.get(0)).contains("\\\"shoot_script_sequence_no\\\":\\\"1\\\"")
                    .contains(job).contains("shoes");
            assertThat(switches.get(1)).contains("\\\"shoot_script_sequence_no\\\":\\\"2\\\"");
            assertThat(callbacks).anyMatch(c -> c.contains("RTMP_STREAM_STATE_CHANGE") && c.contains("CONNECTED")
                    && c.contains(String.valueOf(port2)));
        } finally {
            receiverHttp.stop(0);
        }
    }

    @Test
    void resetRemovesTheProjectsLiveJobsAndStopsTheStream() throws Exception {
        MetaStudioClient ops = client(dev.metastudio.emulator.support.TestProjects.AK_OPS,
                dev.metastudio.emulator.support.TestProjects.SK_OPS, dev.metastudio.emulator.support.TestProjects.PROJECT_OPS);
        String anna = Videos.systemAvatar(ops, "Anna (landscape)");
        String room = room(ops, anna, false);
        String job = ops.startSmartLive(new StartSmartLiveRequest().withRoomId(room).withBody(new StartSmartLiveReq()))
                .getJobId();
        awaitState(ops, room, job, "PROCESSING", Duration.ofSeconds(30));
        Instant on = Instant.now().plusSeconds(20);
        while (streams.session(job).isEmpty() && Instant.now().isBefore(on)) {
            Thread.sleep(100);
        }
        assertThat(streams.session(job)).as("streaming before the reset").isPresent();
        HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_emulator/reset"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"project_id\": \"" + dev.metastudio.emulator.support.TestProjects.PROJECT_OPS + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(reset.body()).contains("\"live_jobs\":1");
        ServiceResponseException gone = refused(() -> show(ops, room, job));
        assertThat(gone.getErrorCode()).isEqualTo("MSS.20010046");
        // The stream stops: its work item is gone, its runner ends without writing.
        Instant until = Instant.now().plusSeconds(10);
        while (streams.session(job).isPresent() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(streams.session(job)).as("the stream stopped after the reset").isEmpty();
    }

    @Test
    void refusals() {
        MetaStudioClient client = clientA();
        String anna = Videos.systemAvatar(client, "Anna (landscape)");
        String room = room(client, anna, true);
        ServiceResponseException unknown = refused(() -> show(client, room, UUID.randomUUID().toString()));
        assertThat(unknown.getErrorCode()).isEqualTo("MSS.20010046");
        // Reference L16941 lists "500 MSS.20010046 Livestreaming task not found."; the emulator answers unknown ids
        // 404 with the documented code, as for assets and scripts (see LiveCodes).
        assertThat(unknown.getHttpStatusCode()).isEqualTo(404);

        ServiceResponseException host = refused(() -> client.startSmartLive(new StartSmartLiveRequest()
                .withRoomId(room).withBody(new StartSmartLiveReq()
                        .withOutputUrls(List.of("rtmp://push.example.com/live")).withStreamKeys(List.of("k")))));
        assertThat(host.getErrorCode()).isEqualTo("MSS.45000009");
        assertThat(host.getErrorMsg()).contains("push.example.com");

        ServiceResponseException scheme = refused(() -> client.startSmartLive(new StartSmartLiveRequest()
                .withRoomId(room).withBody(new StartSmartLiveReq().withOutputUrls(List.of("http://127.0.0.1/x")))));
        assertThat(scheme.getErrorCode()).isEqualTo("MSS.45000009");

        ServiceResponseException noRoom = refused(() -> client.startSmartLive(new StartSmartLiveRequest()
                .withRoomId(UUID.randomUUID().toString()).withBody(new StartSmartLiveReq())));
        assertThat(noRoom.getErrorCode()).isEqualTo("MSS.20010045");

        // Another project sees nothing of the room's jobs.
        ServiceResponseException other = refused(() -> client.startSmartLive(new StartSmartLiveRequest()
                .withRoomId(room).withBody(new StartSmartLiveReq().withOutputUrls(List.of("ftp://x")))));
        assertThat(other.getErrorCode()).isEqualTo("MSS.45000009");
        assertThat(clientB().listSmartLive(new ListSmartLiveRequest().withRoomId(room)).getCount()).isZero();
    }
}

package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaTestSupport;
import dev.metastudio.emulator.media.RtmpListener;
import dev.metastudio.emulator.media.encode.HlsOutput;
import dev.metastudio.emulator.media.encode.LinkState;
import dev.metastudio.emulator.media.encode.RtmpOutput;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The streaming engine against real parts: HLS segments decoded back, an RTMP push received by a real server (the
 * ffmpeg program in listen mode), a server that dies and comes back, and PLAY_NOW measured in stream time (frames).
 */
class LiveStreamTest {

    private static final Voice VOICE = Voice.of("EN", Sex.FEMALE);

    @TempDir
    Path dir;

    private static RenderSpec stage(String text) {
        return new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264, 800, ClipMode.RESIZE, 0, 0,
                SubtitleStyle.defaults(), null, List.of(new Scene(new SpeechSource.Text(text, VOICE,
                VoiceSettings.DEFAULT), List.of(new Background.Color("#204060")),
                List.of(new Layer.Human(new LayerBox(0, 0, 0, 0, 1), "anna", null)))));
    }

    @Test
    void oneEncodingGoesToAnRtmpServerAndToHlsSegments() throws Exception {
        int port = RtmpListener.freePort();
        List<LinkState> states = new CopyOnWriteArrayList<>();
        List<String> details = new CopyOnWriteArrayList<>();
        Path hls = dir.resolve("hls");
        try (RtmpListener server = RtmpListener.start(port, dir.resolve("received.flv"))) {
            StreamSink sink = new StreamSink(new StreamSink.Targets(RtmpListener.url(port), hls, 2, 0, null,
                    (state, detail) -> {
                        states.add(state);
                        details.add(state + ": " + detail);
                    }, Duration.ofSeconds(20)));
            LiveComposition live = LiveComposition.start(stage("Hello from the live stream."), sink,
                    new LiveComposition.Options(true, 75, null), null);
            assertThat(live.await(60_000)).as("75 frames of stream end by themselves").isTrue();
            LiveComposition.Stats stats = live.stop();
            assertThat(stats.frames()).isEqualTo(75);
            assertThat(stats.written() + stats.dropped()).isEqualTo(75);

            assertThat(server.awaitExit(30)).as("listener log: %s", server.log()).isZero();
            MediaInfo received = MediaProbe.probe(server.output());
            assertThat(received.video().codec()).isEqualTo("h264");
            assertThat(received.audio().codec()).isEqualTo("aac");
            assertThat(received.video().width()).isEqualTo(320);
            assertThat(received.durationSeconds()).as("3 s of stream").isCloseTo(3.0, within(0.25));
            assertThat(states).as("link states %s", details).startsWith(LinkState.CONNECTING, LinkState.CONNECTED).endsWith(LinkState.CLOSED)
                    .doesNotContain(LinkState.RECONNECTING, LinkState.FAILED);

            Path playlist = hls.resolve(HlsOutput.PLAYLIST);
            String m3u8 = Files.readString(playlist);
            assertThat(m3u8).startsWith("#EXTM3U").contains("#EXT-X-TARGETDURATION:").contains("segment00000.ts")
                    .contains("#EXT-X-ENDLIST");
            MediaInfo info = MediaProbe.probe(playlist);
            assertThat(info.video().codec()).isEqualTo("h264");
            assertThat(info.audio().codec()).isEqualTo("aac");
            assertThat(info.durationSeconds()).isCloseTo(3.0, within(0.25));
            List<Path> segments;
            try (Stream<Path> s = Files.list(hls)) {
                segments = s.filter(p -> p.toString().endsWith(".ts")).sorted().toList();
            }
            assertThat(segments).hasSizeGreaterThanOrEqualTo(2);
            int decoded = 0;
            for (Path segment : segments) {
                assertThat(m3u8).contains(segment.getFileName().toString());
                decoded += MediaTestSupport.frames(segment).size();
            }
            assertThat(decoded).as("every encoded picture decodes from the segments").isEqualTo(stats.written());
        }
    }

    @Test
    void thePushReconnectsWhenTheServerDiesAndComesBack() throws Exception {
        int port = RtmpListener.freePort();
        List<LinkState> states = new CopyOnWriteArrayList<>();
        List<String> details = new CopyOnWriteArrayList<>();
        RtmpOutput.Retry retry = new RtmpOutput.Retry(Duration.ofMillis(100), Duration.ofMillis(500), 0,
                Duration.ofSeconds(3));
        try (RtmpListener first = RtmpListener.start(port, dir.resolve("first.flv"))) {
            StreamSink sink = new StreamSink(new StreamSink.Targets(RtmpListener.url(port), null, 2, 0, retry,
                    (state, detail) -> {
                        states.add(state);
                        details.add(state + ": " + detail);
                    }, Duration.ofSeconds(20)));
            LiveComposition live = LiveComposition.start(stage(""), sink, new LiveComposition.Options(true, 0, null),
                    null);
            try {
                waitFor(() -> live.stats().frames() >= 40, "a second and a half of stream");
                first.kill();
                waitFor(() -> states.contains(LinkState.RECONNECTING), "the push to notice the server is gone "
                        + details);
                try (RtmpListener second = RtmpListener.start(port, dir.resolve("second.flv"))) {
                    waitFor(() -> states.stream().filter(s -> s == LinkState.CONNECTED).count() == 2,
                            "the push to reconnect");
                    long at = live.stats().frames();
                    waitFor(() -> live.stats().frames() >= at + 50, "two more seconds of stream");
                    live.stop();
                    assertThat(second.awaitExit(30)).as("listener log: %s", second.log()).isZero();
                    MediaInfo received = MediaProbe.probe(second.output());
                    assertThat(received.video().codec()).isEqualTo("h264");
                    assertThat(received.audio().codec()).isEqualTo("aac");
                    assertThat(received.durationSeconds()).as("what was pushed after reconnecting")
                            .isGreaterThan(1.5);
                }
            } finally {
                live.close();
            }
        }
        assertThat(states).as("link states %s", details).containsSubsequence(LinkState.CONNECTING, LinkState.CONNECTED, LinkState.RECONNECTING, LinkState.CONNECTED,
                LinkState.CLOSED).doesNotContain(LinkState.FAILED);
    }

    /** The same composition that makes video files plays a whole script out to a stream sink. */
    @Test
    void aScriptRendersIntoAStreamSinkToo() throws Exception {
        Path speech = MediaTestSupport.wav(dir, "speech", 2.4, i -> MediaTestSupport.vowel(i, 0.3));
        RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264, 800, ClipMode.RESIZE,
                0, 0, null, null, List.of(Specs.audio(speech, Specs.color("#808080"),
                new Layer.Human(new LayerBox(0, 0, 0, 0, 1), "mei", null))));
        Path hls = dir.resolve("script-hls");
        int frames = VideoRenderer.render(spec, new StreamSink(new StreamSink.Targets(null, hls, 2, 0, null, null,
                null)), RenderListener.NONE, RenderOptions.defaults());
        assertThat(frames).isEqualTo(60);
        MediaInfo info = MediaProbe.probe(hls.resolve(HlsOutput.PLAYLIST));
        assertThat(info.durationSeconds()).isCloseTo(2.4, within(0.1));
        int decoded = 0;
        try (Stream<Path> s = Files.list(hls)) {
            for (Path segment : s.filter(p -> p.toString().endsWith(".ts")).toList()) {
                decoded += MediaTestSupport.frames(segment).size();
            }
        }
        assertThat(decoded).isEqualTo(60);
    }

    /**
     * Not held to the clock, the composition waits for speech that is still being synthesized instead of filling the
     * wait with silence, so stream time here does not depend on how fast this machine synthesizes: what is measured
     * is the queue's own delay, in frames.
     */
    @Test
    void playNowCutsInWithinASecondOfStreamTime() throws Exception {
        List<long[]> started = new CopyOnWriteArrayList<>();
        List<long[]> ended = new CopyOnWriteArrayList<>();
        LiveComposition.Events events = new LiveComposition.Events() {
            @Override
            public void started(long utterance, long frame, long requestedAt) {
                started.add(new long[]{utterance, frame, requestedAt});
            }

            @Override
            public void ended(long utterance, long frame, boolean interrupted) {
                ended.add(new long[]{utterance, frame, interrupted ? 1 : 0});
            }
        };
        StreamSink sink = new StreamSink(new StreamSink.Targets(null, dir.resolve("hls"), 2, 0, null, null, null));
        String lecture = "This is the first sentence of a long talk. Here comes a second sentence, which goes on. "
                + "A third one follows it. A fourth sentence is next. The fifth one is short. And a sixth sentence "
                + "closes the paragraph.";
        RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264, 800, ClipMode.RESIZE,
                0, 0, SubtitleStyle.defaults(), null, List.of(new Scene(new SpeechSource.Text(lecture,
                Voice.of("EN", Sex.MALE), VoiceSettings.DEFAULT), List.of(new Background.Color("#204060")),
                List.of(new Layer.Human(new LayerBox(0, 0, 0, 0, 1), "kenji", null)))));
        LiveComposition live = LiveComposition.start(spec, sink, new LiveComposition.Options(false, 0, null), events);
        try {
            waitFor(() -> !started.isEmpty(), "the lecture to start");
            assertThat(started.get(0)).as("the stream waited for the first sentence").containsExactly(1, 0, 0);
            waitFor(() -> live.stats().frames() >= 25, "a second of the lecture");
            // Bad SSML is refused to the caller, never spoken, and the stream goes on.
            assertThatThrownBy(() -> live.say("<speak>Hello", SpeechPlacement.PLAY_NOW))
                    .isInstanceOfSatisfying(MediaException.class,
                            e -> assertThat(e.reason()).isEqualTo(MediaException.Reason.BAD_SSML));
            // Queued while the lecture plays: APPEND goes last, INSERT right after what is playing.
            long appended = live.say("Appended.", SpeechPlacement.APPEND);
            long inserted = live.say("Inserted.", SpeechPlacement.INSERT);
            long news = live.say("Breaking news.", SpeechPlacement.PLAY_NOW);
            waitFor(() -> started.size() == 2, "the news to start");
            long[] cut = ended.get(0);
            long[] newsStart = started.get(1);
            assertThat(newsStart[0]).isEqualTo(news);
            assertThat(cut[0]).isEqualTo(1);
            assertThat(cut[2]).as("the lecture was cut off, not finished").isEqualTo(1);
            assertThat(cut[1] - newsStart[2]).as("frames from PLAY_NOW to the lecture's silence").isBetween(0L, 1L);
            assertThat(newsStart[1] - newsStart[2]).as("frames from PLAY_NOW to the news").isBetween(0L, 24L);
            waitFor(() -> started.size() == 4, "the queued speech to play");
            assertThat(started.stream().map(s -> s[0]).toList()).containsExactly(1L, news, inserted, appended);
            waitFor(() -> !live.stats().speaking(), "the queue to run dry");
            assertThat(ended.stream().filter(e -> e[0] != 1).allMatch(e -> e[2] == 0)).isTrue();
            LiveComposition.Stats stats = live.stop();
            assertThat(stats.written()).isEqualTo(stats.frames());
            assertThat(stats.dropped()).as("nothing is dropped without a clock").isZero();
        } finally {
            live.close();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws Exception {
        // Generous: this waits for real parts on a shared machine; nothing here asserts their speed.
        long until = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}

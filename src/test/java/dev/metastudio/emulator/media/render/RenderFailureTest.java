package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.MediaTestSupport;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every failure is a MediaException with the reason the product maps to an API error, and leaves no output. */
class RenderFailureTest {

    @TempDir
    Path dir;

    private void assertFails(RenderSpec spec, RenderOptions options, Reason reason, String mention) {
        Path out = dir.resolve("out-" + reason);
        assertThatThrownBy(() -> VideoRenderer.render(spec, out, RenderListener.NONE, options))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(mention);
                });
        assertThat(out.resolve("video.mp4")).doesNotExist();
        assertThat(out.resolve("cover.jpg")).doesNotExist();
        assertThat(out.resolve("subtitles.srt")).doesNotExist();
    }

    private static Scene text(String text, Voice voice) {
        return new Scene(new SpeechSource.Text(text, voice, VoiceSettings.DEFAULT), List.of(Specs.color("#000000")),
                List.of());
    }

    @Test
    void badSsml() {
        assertFails(Specs.landscape(160, 90, text("<speak>Hi<break time=\"99s\"/>there</speak>",
                Voice.of("EN", Sex.MALE))), null, Reason.BAD_SSML, "200ms..10s");
    }

    @Test
    void missingFiles() {
        assertFails(Specs.landscape(160, 90, Specs.audio(dir.resolve("none.wav"), Specs.color("#000000"))), null,
                Reason.FILE_MISSING, "none.wav");
    }

    @Test
    void imageProblems() throws Exception {
        Path speech = MediaTestSupport.wav(dir, "s", 0.2, MediaTestSupport.sine(200, 0.2));
        Path notAnImage = dir.resolve("fake.png");
        Files.writeString(notAnImage, "plain text, not pixels");
        Path huge = MediaTestSupport.image(dir, "huge", "png", 4000, 100, Color.GRAY);
        assertFails(Specs.landscape(160, 90, Specs.audio(speech, new Background.Image(dir.resolve("gone.png")))),
                null, Reason.FILE_MISSING, "gone.png");
        assertFails(Specs.landscape(160, 90, Specs.audio(speech, Specs.color("#000000"),
                new Layer.Image(new LayerBox(0, 0, 0, 0, 1), notAnImage))), null, Reason.UNSUPPORTED_MEDIA, "fake.png");
        assertFails(Specs.landscape(160, 90, Specs.audio(speech, new Background.Image(huge))), null,
                Reason.IMAGE_TOO_LARGE, "4000x100");
        assertFails(Specs.landscape(160, 90, Specs.audio(speech, Specs.color("blue"))), null, Reason.INVALID_INPUT,
                "#RRGGBB");
    }

    @Test
    void chineseWithoutEspeak() {
        assertFails(Specs.landscape(160, 90, text("你好，世界。", Voice.of("CN", Sex.FEMALE))),
                new RenderOptions("/nonexistent/espeak-ng", EncoderPreference.SOFTWARE, dir), Reason.TTS_UNAVAILABLE,
                "apt-get install espeak-ng");
    }

    @Test
    void invalidVideoSettings() throws Exception {
        Path speech = MediaTestSupport.wav(dir, "s", 0.2, MediaTestSupport.sine(200, 0.2));
        Scene scene = Specs.audio(speech, Specs.color("#000000"));
        assertFails(new RenderSpec(LayoutOrientation.LANDSCAPE, 160, 90, VideoCodec.H264, 50_000, ClipMode.RESIZE, 0,
                0, null, null, List.of(scene)), null, Reason.INVALID_INPUT, "bitrate");
        assertFails(new RenderSpec(LayoutOrientation.LANDSCAPE, 7680, 4320, VideoCodec.H264, 1000, ClipMode.RESIZE, 0,
                0, null, null, List.of(scene)), null, Reason.INVALID_INPUT, "7680x4320");
        assertFails(Specs.landscape(160, 90), null, Reason.INVALID_INPUT, "scene");
    }

    @Test
    void cancellationStopsBetweenFramesAndRemovesOutput() throws Exception {
        Path speech = MediaTestSupport.wav(dir, "s", 4.0, MediaTestSupport.sine(200, 0.2));
        AtomicInteger encoded = new AtomicInteger();
        Path out = dir.resolve("cancelled");
        RenderListener cancelAfterTen = new RenderListener() {
            @Override
            public void progress(int done, int total) {
                encoded.set(done);
            }

            @Override
            public boolean cancelled() {
                return encoded.get() >= 10;
            }
        };
        assertThatThrownBy(() -> VideoRenderer.render(Specs.landscape(160, 90, Specs.audio(speech,
                Specs.color("#000000"))), out, cancelAfterTen, RenderOptions.defaults()))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
        assertThat(encoded.get()).isBetween(10, 20);
        assertThat(out.resolve("video.mp4")).doesNotExist();
    }

    @Test
    void hardwarePreferenceFallsBackToSoftware() throws Exception {
        Path speech = MediaTestSupport.wav(dir, "s", 0.4, MediaTestSupport.sine(200, 0.2));
        RenderResult r = VideoRenderer.render(Specs.landscape(320, 180, Specs.audio(speech, Specs.color("#000000"))),
                dir.resolve("hw"), RenderListener.NONE, new RenderOptions(null,
                        EncoderPreference.HARDWARE_IF_AVAILABLE, dir));
        assertThat(r.encoder()).isIn("h264_nvenc", "libopenh264");
        assertThat(MediaProbe.probe(r.video()).video().codec()).isEqualTo("h264");
    }
}

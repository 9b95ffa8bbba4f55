package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaTestSupport;
import dev.metastudio.emulator.media.avatar.AvatarRig;
import dev.metastudio.emulator.media.avatar.Framing;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaKind;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.SpeechRenderer;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The shape of rendered output: containers, codecs, timing, sound, cover, subtitles file, progress. */
class VideoRendererTest {

    private static final double FRAME = 1 / 25.0;

    @TempDir
    Path dir;

    @Test
    void textSceneBecomesMp4WithSpeechCoverAndSrt() throws Exception {
        String text = "Hello, and welcome. This video was made by the emulator!";
        Voice voice = Voice.of("EN", Sex.FEMALE);
        RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264, 1000,
                ClipMode.RESIZE, 0, 0, SubtitleStyle.defaults(), null, List.of(new Scene(
                new SpeechSource.Text(text, voice, VoiceSettings.DEFAULT), List.of(Specs.color("#204060")),
                List.of(new Layer.Human(new LayerBox(0, 0, 0, 0, 1), "david", null)))));
        List<int[]> progress = new ArrayList<>();
        RenderResult r = VideoRenderer.render(spec, dir.resolve("out"), new RenderListener() {
            @Override
            public void progress(int done, int total) {
                progress.add(new int[]{done, total});
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        }, RenderOptions.defaults());

        double speech = new SpeechRenderer(null, dir).render(text, voice, VoiceSettings.DEFAULT,
                SpeechRenderer.Format.WAV, dir.resolve("speech.wav"), null).durationSeconds();
        assertThat(r.durationSeconds()).isCloseTo(speech, within(FRAME)).isEqualTo(r.frames() / 25.0);
        assertThat(r.video().getFileName().toString()).isEqualTo("video.mp4");
        assertThat(r.encoder()).isEqualTo("libopenh264");

        MediaInfo info = MediaProbe.probe(r.video());
        assertThat(info.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(info.video().codec()).isEqualTo("h264");
        assertThat(info.video().width()).isEqualTo(320);
        assertThat(info.video().height()).isEqualTo(180);
        assertThat(info.video().frameRate()).isEqualTo(25.0);
        assertThat(info.audio().codec()).isEqualTo("aac");
        assertThat(info.audio().sampleRate()).isEqualTo(48000);
        assertThat(info.durationSeconds()).isCloseTo(speech, within(FRAME));
        assertThat(MediaTestSupport.frames(r.video())).hasSize(r.frames());
        short[] sound = MediaTestSupport.audio(r.video());
        assertThat(MediaTestSupport.rms(sound, 0, sound.length)).isGreaterThan(500);

        byte[] head = Files.readAllBytes(r.video());
        String ascii = new String(head, 0, Math.min(head.length, 1 << 16), StandardCharsets.ISO_8859_1);
        assertThat(ascii.indexOf("moov")).as("faststart: moov before mdat").isBetween(0, ascii.indexOf("mdat"));

        BufferedImage cover = ImageIO.read(r.cover().toFile());
        assertThat(cover.getWidth()).isEqualTo(320);
        assertThat(cover.getHeight()).isEqualTo(180);

        String srt = Files.readString(r.subtitles());
        // Subtitles keep their punctuation (issue 13); "Hello," alone would last well under a second.
        assertThat(srt).startsWith("1\n00:00:00,").contains("Hello, and welcome.\n\n2\n")
                .contains("This video was made by the emulator!\n");

        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(r.frames(), r.frames());
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)[0]).isGreaterThan(progress.get(i - 1)[0]);
        }
    }

    @Test
    void vp8BecomesWebmWithOpus() throws Exception {
        Path speech = MediaTestSupport.wav(dir, "speech", 1.2, i -> MediaTestSupport.vowel(i, 0.4));
        RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.VP8, 1000, ClipMode.RESIZE,
                0, 0, SubtitleStyle.defaults(), null, List.of(Specs.audio(speech, Specs.color("#808080"))));
        RenderResult r = Specs.render(spec, dir.resolve("out"));
        assertThat(r.video().getFileName().toString()).isEqualTo("video.webm");
        assertThat(r.subtitles()).as("audio scenes have no text").isNull();
        MediaInfo info = MediaProbe.probe(r.video());
        assertThat(info.container()).contains("webm");
        assertThat(info.video().codec()).isEqualTo("vp8");
        assertThat(info.video().frameRate()).isEqualTo(25.0);
        assertThat(info.audio().codec()).isEqualTo("opus");
        assertThat(info.durationSeconds()).isCloseTo(1.2, within(FRAME));
        assertThat(r.frames()).isEqualTo(30);
        short[] sound = MediaTestSupport.audio(r.video());
        assertThat(MediaTestSupport.rms(sound, 0, sound.length)).isGreaterThan(1000);
    }

    @Test
    void everyDocumentedResolution() throws Exception {
        Path speech = MediaTestSupport.wav(dir, "speech", 0.2, MediaTestSupport.sine(220, 0.3));
        int[][] sizes = {{1920, 1080}, {1080, 1920}, {1280, 720}, {720, 1280}, {3840, 2160}, {2160, 3840}};
        for (int[] size : sizes) {
            LayoutOrientation layout = size[0] > size[1] ? LayoutOrientation.LANDSCAPE : LayoutOrientation.PORTRAIT;
            RenderSpec spec = new RenderSpec(layout, size[0], size[1], VideoCodec.H264, 8000, ClipMode.RESIZE, 0, 0,
                    null, null, List.of(Specs.audio(speech, Specs.color("#FFFFFF"),
                    new Layer.Human(new LayerBox(0, 0, 0, 0, 1), "kenji", null))));
            RenderResult r = Specs.render(spec, dir.resolve("out-" + size[0] + "x" + size[1]));
            MediaInfo info = MediaProbe.probe(r.video());
            assertThat(info.video().width()).isEqualTo(size[0]);
            assertThat(info.video().height()).isEqualTo(size[1]);
            assertThat(r.frames()).isEqualTo(5);
            // The presenter's face is where the rig puts it for this size.
            Rectangle mouth = AvatarRig.build("kenji", layout.framing(), new Rectangle(0, 0, size[0], size[1]))
                    .mouthArea();
            BufferedImage cover = ImageIO.read(r.cover().toFile());
            double s = cover.getWidth() / (double) size[0];
            Color skin = MediaTestSupport.pixel(cover, (int) ((mouth.x + mouth.width / 2) * s),
                    (int) ((mouth.y - mouth.height) * s));
            assertThat(MediaTestSupport.distance(skin, new Color(0xEAC6A4))).as("skin at %dx%d", size[0], size[1])
                    .isLessThan(40);
        }
    }

    @Test
    void portraitLayoutWithPortraitFraming() throws Exception {
        Path speech = MediaTestSupport.wav(dir, "speech", 0.4, MediaTestSupport.sine(220, 0.3));
        RenderSpec spec = new RenderSpec(LayoutOrientation.PORTRAIT, 180, 320, VideoCodec.H264, 1000, ClipMode.RESIZE,
                0, 0, null, null, List.of(Specs.audio(speech, Specs.color("#FFFFFF"),
                new Layer.Human(new LayerBox(0, 0, 0, 0, 1), "anna", Framing.PORTRAIT))));
        RenderResult r = Specs.render(spec, dir.resolve("out"));
        BufferedImage frame = MediaTestSupport.frames(r.video()).get(0);
        // Half body: the jacket reaches the bottom edge, white background at the sides of the head.
        assertThat(MediaTestSupport.distance(MediaTestSupport.pixel(frame, 90, 315), new Color(0x1F2B48)))
                .isLessThan(40);
        assertThat(MediaTestSupport.distance(MediaTestSupport.pixel(frame, 10, 40), Color.WHITE)).isLessThan(10);
    }
}

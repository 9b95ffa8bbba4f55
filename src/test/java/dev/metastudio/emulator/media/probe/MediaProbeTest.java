package dev.metastudio.emulator.media.probe;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaTestSupport;
import dev.metastudio.emulator.media.audio.AudioFileEncoder;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.PcmWriter;
import dev.metastudio.emulator.media.render.Background;
import dev.metastudio.emulator.media.render.ClipMode;
import dev.metastudio.emulator.media.render.LayoutOrientation;
import dev.metastudio.emulator.media.render.RenderOptions;
import dev.metastudio.emulator.media.render.RenderResult;
import dev.metastudio.emulator.media.render.RenderSpec;
import dev.metastudio.emulator.media.render.Scene;
import dev.metastudio.emulator.media.render.SpeechSource;
import dev.metastudio.emulator.media.render.VideoCodec;
import dev.metastudio.emulator.media.render.VideoRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MediaProbeTest {

    @TempDir
    Path dir;

    @Test
    void wavAudio() throws Exception {
        Path wav = MediaTestSupport.wav(dir, "tone", 1.5, MediaTestSupport.sine(440, 0.5));
        MediaInfo info = MediaProbe.probe(wav);
        assertThat(info.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(info.container()).isEqualTo("wav");
        assertThat(info.durationSeconds()).isCloseTo(1.5, within(0.01));
        assertThat(info.video()).isNull();
        assertThat(info.audio()).isEqualTo(new AudioTrack("pcm_s16le", 48000, 1, 768000));
    }

    @Test
    void mp3AudioRecognisedByContentEvenWithAWrongName() throws Exception {
        Path pcm = dir.resolve("tone.pcm");
        try (PcmWriter w = new PcmWriter(pcm)) {
            short[] s = new short[Pcm.SAMPLE_RATE * 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) (8000 * Math.sin(2 * Math.PI * 330 * i / Pcm.SAMPLE_RATE));
            }
            w.write(s, 0, s.length);
        }
        Path misnamed = dir.resolve("really-an-mp3.png");
        AudioFileEncoder.mp3(pcm, dir.resolve("x.mp3"), 96);
        Files.move(dir.resolve("x.mp3"), misnamed);
        MediaInfo info = MediaProbe.probe(misnamed);
        assertThat(info.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(info.audio().codec()).isEqualTo("mp3");
        assertThat(info.durationSeconds()).isCloseTo(2.0, within(0.1));
    }

    @Test
    void imagesOfEachFormat() throws Exception {
        for (String format : List.of("png", "jpeg", "gif", "bmp")) {
            Path img = MediaTestSupport.image(dir, "pic", format, 64, 48, Color.ORANGE);
            MediaInfo info = MediaProbe.probe(img);
            assertThat(info.kind()).as(format).isEqualTo(MediaKind.IMAGE);
            assertThat(info.video().codec()).isEqualTo(format);
            assertThat(info.video().width()).isEqualTo(64);
            assertThat(info.video().height()).isEqualTo(48);
            assertThat(info.durationSeconds()).isZero();
            assertThat(info.audio()).isNull();
        }
    }

    @Test
    void videoMadeByTheRenderer() throws Exception {
        Path speech = MediaTestSupport.wav(dir, "speech", 1.0, MediaTestSupport.sine(300, 0.3));
        RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264, 1000,
                ClipMode.RESIZE, 0, 0, null, null, List.of(new Scene(new SpeechSource.Audio(speech),
                List.of(new Background.Color("#336699")), List.of())));
        RenderResult r = VideoRenderer.render(spec, dir.resolve("out"), null, RenderOptions.defaults());
        MediaInfo info = MediaProbe.probe(r.video());
        assertThat(info.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(info.container()).contains("mp4");
        assertThat(info.video().codec()).isEqualTo("h264");
        assertThat(info.video().width()).isEqualTo(320);
        assertThat(info.video().height()).isEqualTo(180);
        assertThat(info.video().frameRate()).isEqualTo(25.0);
        assertThat(info.video().pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.audio().codec()).isEqualTo("aac");
        assertThat(info.durationSeconds()).isCloseTo(1.0, within(0.04));
    }

    @Test
    void textFileNamedMp4IsRejectedCleanly() throws Exception {
        Path fake = dir.resolve("fake.mp4");
        Files.writeString(fake, "this is not a video at all\n".repeat(20));
        assertThatThrownBy(() -> MediaProbe.probe(fake))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.reason())
                        .isIn(MediaException.Reason.UNSUPPORTED_MEDIA, MediaException.Reason.DECODE_FAILED));
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> MediaProbe.probe(dir.resolve("nope.wav")))
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.reason()).isEqualTo(MediaException.Reason.FILE_MISSING));
    }
}

package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaTestSupport;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 12: a job asking 2000 kbit/s got a 293 kbit/s file. The reference on VideoConfig.bitrate: "Quality is
 * prioritized, which may exceed the preset bitrate", so the requested figure is a floor: the file's video bitrate, as
 * the probe measures it from the file, is at least the request (within 10 %).
 */
class BitrateTest {

    @TempDir
    Path dir;

    @Test
    void aStillPresenterAt2000KbitsGetsAtLeast2000Kbits() throws Exception {
        assertFloor(1280, 720, 2000);
    }

    @Test
    void aSmallPictureGetsItsBitrateToo() throws Exception {
        assertFloor(320, 180, 1000);
    }

    private void assertFloor(int width, int height, int kbps) throws Exception {
        Path speech = MediaTestSupport.wav(dir, "speech-" + width, 2.0, i -> MediaTestSupport.vowel(i, 0.3));
        RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, width, height, VideoCodec.H264, kbps,
                ClipMode.RESIZE, 0, 0, null, null, List.of(Specs.audio(speech, Specs.color("#204060"),
                new Layer.Human(new LayerBox(0, 0, 0, 0, 1), "anna", null))));
        RenderResult r = Specs.render(spec, dir.resolve("out-" + width));
        MediaInfo info = MediaProbe.probe(r.video());
        long measured = info.video().bitrate();
        assertThat(measured).as("video bitrate of %dx%d asked at %d kbit/s", width, height, kbps)
                .isGreaterThanOrEqualTo(kbps * 900L)
                // Padding only makes up for what the picture did not use; it never doubles the request.
                .isLessThan(kbps * 2000L);
        // The file still decodes to every frame.
        assertThat(MediaTestSupport.frames(r.video())).hasSize(r.frames());
    }
}

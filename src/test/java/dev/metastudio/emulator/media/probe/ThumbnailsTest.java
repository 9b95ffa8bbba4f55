package dev.metastudio.emulator.media.probe;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaTestSupport;
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

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThumbnailsTest {

    @TempDir
    Path dir;

    @Test
    void imageCoverIsScaledDownKeepingAspect() throws Exception {
        Path png = MediaTestSupport.image(dir, "big", "png", 1600, 900, new Color(200, 30, 30));
        Path cover = dir.resolve("cover.jpg");
        Thumbnails.writeCover(png, cover, 320);
        BufferedImage img = ImageIO.read(cover.toFile());
        assertThat(img.getWidth()).isEqualTo(320);
        assertThat(img.getHeight()).isEqualTo(180);
        assertThat(MediaTestSupport.distance(MediaTestSupport.pixel(img, 160, 90), new Color(200, 30, 30)))
                .isLessThan(12);
        assertThat(MediaProbe.probe(cover).video().codec()).isEqualTo("jpeg");
    }

    @Test
    void smallImageIsNotEnlarged() throws Exception {
        Path gif = MediaTestSupport.image(dir, "small", "gif", 100, 50, Color.BLUE);
        Path cover = dir.resolve("cover.jpg");
        Thumbnails.writeCover(gif, cover, 320);
        assertThat(ImageIO.read(cover.toFile()).getWidth()).isEqualTo(100);
    }

    @Test
    void videoCoverShowsAFrameOneSecondIn() throws Exception {
        // Green for the first 1.2 s, magenta after: a cover taken near 1 s must be green.
        Path speech = MediaTestSupport.wav(dir, "s", 1.2, MediaTestSupport.sine(200, 0.2));
        RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264, 1000,
                ClipMode.RESIZE, 0, 0, null, null, List.of(
                new Scene(new SpeechSource.Audio(speech), List.of(new Background.Color("#00C000")), List.of()),
                new Scene(new SpeechSource.Audio(speech), List.of(new Background.Color("#C000C0")), List.of())));
        RenderResult r = VideoRenderer.render(spec, dir.resolve("out"), null, RenderOptions.defaults());
        Path cover = dir.resolve("video-cover.jpg");
        Thumbnails.writeCover(r.video(), cover, 160);
        BufferedImage img = ImageIO.read(cover.toFile());
        assertThat(img.getWidth()).isEqualTo(160);
        Color c = MediaTestSupport.pixel(img, 80, 45);
        assertThat(c.getGreen()).isGreaterThan(150);
        assertThat(c.getRed()).isLessThan(60);
    }

    @Test
    void audioHasNoCover() throws Exception {
        Path wav = MediaTestSupport.wav(dir, "a", 0.5, MediaTestSupport.sine(440, 0.3));
        assertThatThrownBy(() -> Thumbnails.writeCover(wav, dir.resolve("c.jpg"), 100))
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.reason()).isEqualTo(MediaException.Reason.UNSUPPORTED_MEDIA));
    }
}

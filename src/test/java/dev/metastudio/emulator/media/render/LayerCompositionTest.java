package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaTestSupport;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static dev.metastudio.emulator.media.MediaTestSupport.distance;
import static dev.metastudio.emulator.media.MediaTestSupport.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What ends up in the picture and the sound: layers, geometry, text, subtitles, video layers, music. */
class LayerCompositionTest {

    /** H.264 at these sizes keeps flat colours within a few levels; 12 leaves room for chroma subsampling. */
    private static final int TOLERANCE = 12;

    @TempDir
    Path dir;

    private Path speech(double seconds) throws Exception {
        return MediaTestSupport.wav(dir, "speech-" + seconds, seconds, MediaTestSupport.sine(180, 0.2));
    }

    private BufferedImage firstFrame(RenderSpec spec, String name) throws Exception {
        return MediaTestSupport.frames(Specs.render(spec, dir.resolve(name)).video()).get(0);
    }

    @Test
    void colourBackgroundFillsTheFrame() throws Exception {
        BufferedImage f = firstFrame(Specs.landscape(320, 180, Specs.audio(speech(0.2), Specs.color("#3366CC"))), "c");
        for (int[] p : new int[][]{{5, 5}, {160, 90}, {314, 174}}) {
            assertThat(distance(pixel(f, p[0], p[1]), new Color(0x3366CC))).isLessThan(TOLERANCE);
        }
    }

    @Test
    void layersStackByLayerIndexWithThePresenterAsALayer() throws Exception {
        Path red = MediaTestSupport.image(dir, "red", "png", 100, 100, Color.RED);
        Path blue = MediaTestSupport.image(dir, "blue", "png", 100, 100, Color.BLUE);
        // Listed red first but with the higher index; both overlap in layout 800..1200 x 400..800. The presenter
        // (index 2) stands between them and covers the blue square on the left.
        RenderSpec spec = Specs.landscape(320, 180, Specs.audio(speech(0.2), Specs.color("#FFFFFF"),
                new Layer.Image(new LayerBox(800, 200, 800, 600, 3), red),
                new Layer.Image(new LayerBox(400, 400, 800, 600, 1), blue),
                new Layer.Human(new LayerBox(0, 0, 0, 0, 2), "david", null)));
        BufferedImage f = firstFrame(spec, "order");
        assertThat(distance(pixel(f, 175, 110), Color.RED)).as("red over blue").isLessThan(TOLERANCE);
        assertThat(distance(pixel(f, 250, 50), Color.RED)).isLessThan(TOLERANCE);
        assertThat(distance(pixel(f, 90, 150), Color.BLUE)).as("blue alone").isLessThan(TOLERANCE);
        // The presenter's jacket (index 2) hides the blue square (index 1) but not the red one (index 3).
        assertThat(distance(pixel(f, 130, 170), new Color(0x3B4049))).as("jacket over blue").isLessThan(30);
    }

    @Test
    void textLayerDrawsItsTextInItsColour() throws Exception {
        Specs.requireNotoCjk();
        String text = Layer.decodeTextContext(Base64.getEncoder().encodeToString("Hi 你好".getBytes(StandardCharsets.UTF_8)));
        assertThat(text).isEqualTo("Hi 你好");
        RenderSpec spec = Specs.landscape(320, 180, Specs.audio(speech(0.2), Specs.color("#000000"),
                new Layer.Text(new LayerBox(300, 300, 0, 0, 1), text, "HarmonyOS_Sans_SC_Black", 120, "#FFFF00"),
                new Layer.Text(new LayerBox(300, 700, 0, 0, 2), "missing font", "No_Such_Font", 60, null)));
        BufferedImage f = firstFrame(spec, "text");
        // The first line spans layout 300..~700 wide, 300..~470 high: 50..117 x 50..78 in the output.
        int yellow = count(f, 50, 50, 130, 80, c -> c.getRed() > 180 && c.getGreen() > 180 && c.getBlue() < 90);
        assertThat(yellow).isGreaterThan(150);
        int whiteBelow = count(f, 50, 115, 200, 135, c -> c.getRed() > 150 && c.getGreen() > 150 && c.getBlue() > 150);
        assertThat(whiteBelow).as("unknown font falls back and still draws").isGreaterThan(50);
        assertThat(count(f, 200, 0, 320, 40, c -> c.getRed() + c.getGreen() + c.getBlue() > 60)).isZero();
        assertThatThrownBy(() -> Layer.decodeTextContext("%%%")).isInstanceOf(MediaException.class);
    }

    @Test
    void subtitlesAppearOnlyWhenEnabled() throws Exception {
        Specs.requireNotoCjk();
        Scene scene = new Scene(new SpeechSource.Text("Hello world, this is a subtitle test.", Voice.of("EN", Sex.MALE),
                VoiceSettings.DEFAULT), List.of(Specs.color("#000000")), List.of());
        RenderSpec on = new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264, 1000, ClipMode.RESIZE,
                0, 0, new SubtitleStyle(null, null, "HarmonyOS_Sans_SC_Black", 80), null, List.of(scene));
        RenderSpec off = new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264, 1000, ClipMode.RESIZE,
                0, 0, null, null, List.of(scene));
        RenderResult withSubs = Specs.render(on, dir.resolve("on"));
        RenderResult without = Specs.render(off, dir.resolve("off"));
        BufferedImage a = MediaTestSupport.frames(withSubs.video()).get(25);
        BufferedImage b = MediaTestSupport.frames(without.video()).get(25);
        assertThat(count(a, 30, 130, 290, 175, c -> c.getRed() > 200 && c.getGreen() > 200)).isGreaterThan(100);
        assertThat(count(b, 0, 0, 320, 180, c -> c.getRed() > 60)).isZero();
        assertThat(withSubs.subtitles()).exists();
        assertThat(without.subtitles()).as("the SRT is written for text scenes either way").exists();
    }

    @Test
    void cropKeepsAWindowWhileResizeScalesTheLayout() throws Exception {
        Path green = MediaTestSupport.image(dir, "green", "png", 200, 200, Color.GREEN);
        Scene scene = Specs.audio(speech(0.2), Specs.color("#000000"),
                new Layer.Image(new LayerBox(960, 540, 0, 0, 1), green));
        BufferedImage resized = firstFrame(new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264, 1000,
                ClipMode.RESIZE, 0, 0, null, null, List.of(scene)), "resize");
        BufferedImage cropped = firstFrame(new RenderSpec(LayoutOrientation.LANDSCAPE, 320, 180, VideoCodec.H264,
                1000, ClipMode.CROP, 900, 500, null, null, List.of(scene)), "crop");
        // RESIZE: 1920 -> 320 is 1/6, the square covers 160..193 x 90..123.
        assertThat(distance(pixel(resized, 176, 106), Color.GREEN)).isLessThan(TOLERANCE);
        assertThat(distance(pixel(resized, 150, 80), Color.BLACK)).isLessThan(TOLERANCE);
        assertThat(distance(pixel(resized, 205, 135), Color.BLACK)).isLessThan(TOLERANCE);
        // CROP at (900, 500): one layout pixel per output pixel, the square covers 60..259 x 40..179.
        assertThat(distance(pixel(cropped, 64, 44), Color.GREEN)).isLessThan(TOLERANCE);
        assertThat(distance(pixel(cropped, 250, 170), Color.GREEN)).isLessThan(TOLERANCE);
        assertThat(distance(pixel(cropped, 50, 30), Color.BLACK)).isLessThan(TOLERANCE);
        assertThat(distance(pixel(cropped, 300, 100), Color.BLACK)).isLessThan(TOLERANCE);
    }

    @Test
    void videoLayerLoopsOrPlaysOnceThenHolds() throws Exception {
        // A 0.96 s clip made by the renderer itself: red for 12 frames, then blue for 12.
        Path half = MediaTestSupport.wav(dir, "half", 0.48, MediaTestSupport.sine(300, 0.3));
        Path clip = Specs.render(Specs.landscape(160, 90, Specs.audio(half, Specs.color("#FF0000")),
                Specs.audio(half, Specs.color("#0000FF"))), dir.resolve("clip")).video();
        LayerBox full = new LayerBox(0, 0, 1920, 1080, 1);
        Path scene = speech(2.4);
        Path loopVideo = Specs.render(Specs.landscape(160, 90, Specs.audio(scene, Specs.color("#FFFFFF"),
                new Layer.Video(full, clip, -1))), dir.resolve("loop")).video();
        Path onceVideo = Specs.render(Specs.landscape(160, 90, Specs.audio(scene, Specs.color("#FFFFFF"),
                new Layer.Video(full, clip, 0))), dir.resolve("once")).video();
        List<BufferedImage> looping = MediaTestSupport.frames(loopVideo);
        List<BufferedImage> once = MediaTestSupport.frames(onceVideo);
        Color[] expectedLoop = {Color.RED, Color.BLUE, Color.RED, Color.BLUE, Color.RED};
        Color[] expectedOnce = {Color.RED, Color.BLUE, Color.BLUE, Color.BLUE, Color.BLUE};
        int[] frames = {6, 18, 30, 42, 54};
        for (int i = 0; i < frames.length; i++) {
            assertThat(distance(pixel(looping.get(frames[i]), 80, 45), expectedLoop[i])).as("loop frame %d", frames[i])
                    .isLessThan(40);
            assertThat(distance(pixel(once.get(frames[i]), 80, 45), expectedOnce[i])).as("once frame %d", frames[i])
                    .isLessThan(40);
        }
        // The clip's own sound (a 300 Hz tone at 0.3) joins the speech (180 Hz at 0.2) while the clip plays.
        double speechOnly = 0.2 / Math.sqrt(2) * 32767;
        double withClip = Math.sqrt(0.2 * 0.2 + 0.3 * 0.3) / Math.sqrt(2) * 32767;
        int from = (int) (1.2 * Pcm.SAMPLE_RATE);
        int to = (int) (2.3 * Pcm.SAMPLE_RATE);
        assertThat(MediaTestSupport.rms(MediaTestSupport.audio(loopVideo), from, to) / withClip)
                .isCloseTo(1.0, within(0.1));
        assertThat(MediaTestSupport.rms(MediaTestSupport.audio(onceVideo), from, to) / speechOnly)
                .isCloseTo(1.0, within(0.1));
    }

    @Test
    void musicIsMixedAtItsVolume() throws Exception {
        Path silence = MediaTestSupport.wav(dir, "silence", 2.0, i -> 0);
        Path music = MediaTestSupport.wav(dir, "music", 0.5, MediaTestSupport.sine(440, 0.4));
        double musicRms = 0.4 / Math.sqrt(2) * 32767;
        for (int volume : new int[]{100, 25}) {
            RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, 160, 90, VideoCodec.H264, 500,
                    ClipMode.RESIZE, 0, 0, null, new BackgroundMusic(music, volume),
                    List.of(Specs.audio(silence, Specs.color("#000000"))));
            short[] sound = MediaTestSupport.audio(Specs.render(spec, dir.resolve("music-" + volume)).video());
            // The 0.5 s music loops through the 2 s video; skip the encoder's first and last frames.
            double rms = MediaTestSupport.rms(sound, 4800, sound.length - 4800);
            assertThat(rms / musicRms).as("volume %d", volume).isCloseTo(volume / 100.0, within(0.05));
        }
    }

    private static int count(BufferedImage img, int x0, int y0, int x1, int y1,
                             java.util.function.Predicate<Color> test) {
        int n = 0;
        for (int y = y0; y < Math.min(y1, img.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, img.getWidth()); x++) {
                if (test.test(pixel(img, x, y))) {
                    n++;
                }
            }
        }
        return n;
    }
}

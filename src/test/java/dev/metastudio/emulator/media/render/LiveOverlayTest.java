package dev.metastudio.emulator.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slice (no encoder, no Spring): a live composition's timed image overlay lies in its box for exactly its frames and
 * nowhere else, and decoded audio played on it comes out sample for sample, then the presenter is silent again.
 */
class LiveOverlayTest {
    private static final int W = 320;
    private static final int H = 180;

    @TempDir
    Path dir;

    /** Keeps, per frame, the luma at two points and the sound's peak. */
    static final class Capture implements FrameSink {
        final Map<Long, int[]> frames = new ConcurrentHashMap<>();

        @Override
        public void open(int width, int height, int bitrateKbps) {
        }

        @Override
        public void frame(long number, ByteBuffer yuv, short[] audio) {
            int peak = 0;
            for (short s : audio) {
                peak = Math.max(peak, Math.abs(s));
            }
            int inside = yuv == null ? -1 : yuv.get(50 * W + 50) & 0xff;
            int outside = yuv == null ? -1 : yuv.get(150 * W + 250) & 0xff;
            frames.put(number, new int[]{inside, outside, peak});
        }

        @Override
        public void finish() {
        }

        @Override
        public String encoderName() {
            return "capture";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void overlayShowsForItsFramesAndAudioPlays() throws Exception {
        BufferedImage white = new BufferedImage(100, 60, BufferedImage.TYPE_INT_ARGB);
        var g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 60);
        g.dispose();
        Path png = dir.resolve("white.png");
        ImageIO.write(white, "png", png.toFile());
        RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, W, H, VideoCodec.H264, 800, ClipMode.RESIZE, 0,
                0, SubtitleStyle.defaults(), null, List.of(new Scene(new SpeechSource.Text("", Voice.of("EN",
                Sex.FEMALE), VoiceSettings.DEFAULT), List.of(new Background.Color("#000000")), List.of())));
        Capture capture = new Capture();
        LiveComposition live = LiveComposition.start(spec, capture, new LiveComposition.Options(true, 0, null), null);
        try {
            Thread.sleep(300);
            // Layout 1920x1080 scaled to 320x180: box (180, 180) 600x360 -> (30, 30) 100x60.
            long id = live.showImage(png, new LayerBox(180, 180, 600, 360, 1), 10);
            assertThat(id).isPositive();
            short[] tone = new short[Pcm.SAMPLES_PER_FRAME * 5];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (Math.sin(2 * Math.PI * 440 * i / Pcm.SAMPLE_RATE) * 10_000);
            }
            live.play(tone, SpeechPlacement.PLAY_NOW);
            Thread.sleep(1500);
        } finally {
            live.stop();
        }
        List<Long> lit = capture.frames.entrySet().stream().filter(e -> e.getValue()[0] > 200).map(Map.Entry::getKey)
                .sorted().toList();
        assertThat(lit).as("frames with the overlay").isNotEmpty();
        assertThat(tenFrameWindows(capture, lit)).as("a window of exactly 10 frames, each lit or with its picture"
                + " dropped (a frame late to the clock is sent without one), unlit on either side: %s", lit).isNotEmpty();
        assertThat(capture.frames.values()).as("outside the box stays black").allMatch(f -> f[1] < 40);
        List<Long> loud = capture.frames.entrySet().stream().filter(e -> e.getValue()[2] > 9_000)
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(loud).as("frames of the played audio").hasSize(5);
        assertThat(loud.get(4) - loud.get(0)).isEqualTo(4);
    }

    /** The first frames of the 10-frame windows that hold every lit frame and could be the overlay's. */
    private static List<Long> tenFrameWindows(Capture capture, List<Long> lit) {
        long first = lit.get(0);
        long last = lit.get(lit.size() - 1);
        List<Long> starts = new java.util.ArrayList<>();
        for (long start = last - 9; start <= first; start++) {
            boolean fits = true;
            for (long n = start; n < start + 10 && fits; n++) {
                int[] frame = capture.frames.get(n);
                fits = frame != null && (frame[0] > 200 || frame[0] == -1);
            }
            if (fits && unlit(capture, start - 1) && unlit(capture, start + 10)) {
                starts.add(start);
            }
        }
        return starts;
    }

    private static boolean unlit(Capture capture, long n) {
        int[] frame = capture.frames.get(n);
        return frame == null || frame[0] <= 200;
    }
}

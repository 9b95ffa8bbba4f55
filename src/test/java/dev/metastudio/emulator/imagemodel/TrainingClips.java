package dev.metastudio.emulator.imagemodel;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Training clips made in the test: a real photograph of a person (scikit-image's astronaut.png, Debian package
 * python3-skimage, installed by .ci/run) composed into 1080p frames, or frames with nothing but shapes. Low frame
 * rate keeps a 3-minute H.264 clip cheap to encode on two cores; each clip is made once per JVM.
 */
final class TrainingClips {
    static final Path ASTRONAUT = Path.of("/usr/lib/python3/dist-packages/skimage/data/astronaut.png");
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private TrainingClips() {
    }

    static BufferedImage astronaut() {
        try {
            BufferedImage photo = ImageIO.read(ASTRONAUT.toFile());
            if (photo == null) {
                throw new IllegalStateException(ASTRONAUT + " is not readable: install python3-skimage");
            }
            return photo;
        } catch (IOException e) {
            throw new UncheckedIOException(ASTRONAUT + " missing: install python3-skimage (.ci/run does)", e);
        }
    }

    /** A frame with the photographed person, shifted a little with {@code i} so frames differ. */
    static BufferedImage personFrame(int width, int height, int i) {
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(30, 140, 60));
        g.fillRect(0, 0, width, height);
        int side = Math.min(width, height) * 5 / 6;
        int x = (width - side) / 2 + (i % 5) * 4;
        int y = (height - side) / 2;
        g.drawImage(astronaut(), x, y, side, side, null);
        g.dispose();
        return frame;
    }

    /** A frame with no person: a gradient and a few shapes. */
    static BufferedImage emptyFrame(int width, int height, int i) {
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(40, 60, 120), width, height, new Color(200, 180, 90)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(220, 220, 230));
        g.fillOval(width / 5 + i * 3, height / 4, width / 6, width / 6);
        g.fillRect(width * 3 / 5, height / 2, width / 5, height / 4);
        g.dispose();
        return frame;
    }

    static byte[] withPerson(int width, int height, int seconds) {
        return CACHE.computeIfAbsent("person" + width + "x" + height + "@" + seconds,
                k -> encode(width, height, seconds, true));
    }

    static byte[] withoutPerson(int width, int height, int seconds) {
        return CACHE.computeIfAbsent("empty" + width + "x" + height + "@" + seconds,
                k -> encode(width, height, seconds, false));
    }

    /** H.264 MP4 at 1 frame per second. */
    private static byte[] encode(int width, int height, int seconds, boolean person) {
        try {
            Path file = Files.createTempFile("training", ".mp4");
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
                 Java2DFrameConverter converter = new Java2DFrameConverter()) {
                recorder.setFormat("mp4");
                recorder.setVideoCodecName("libopenh264");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(1);
                recorder.setGopSize(10);
                recorder.setVideoBitrate(400_000);
                recorder.start();
                BufferedImage[] frames = new BufferedImage[5];
                for (int i = 0; i < frames.length; i++) {
                    frames[i] = person ? personFrame(width, height, i) : emptyFrame(width, height, i);
                }
                for (int i = 0; i < seconds; i++) {
                    recorder.record(converter.convert(frames[i % frames.length]));
                }
                recorder.stop();
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.deleteIfExists(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.metastudio.emulator.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Media fixtures generated on the fly: the repository carries no binaries. */
public final class TestMedia {
    private TestMedia() {
    }

    public static byte[] png(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return encode(image, "png");
    }

    public static byte[] jpeg(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return encode(image, "jpeg");
    }

    /** A mono 16-bit WAV of a sine tone. */
    public static byte[] wav(double seconds, double frequency, int sampleRate) {
        int samples = (int) (seconds * sampleRate);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short v = (short) (Math.sin(2 * Math.PI * frequency * i / sampleRate) * 12000);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short H.264/AAC MP4 made with FFmpeg: coloured frames and a tone. */
    public static byte[] mp4(int width, int height, double seconds) {
        try {
            Path file = Files.createTempFile("fixture", ".mp4");
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 1)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodecName("libopenh264");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(25);
                recorder.setVideoBitrate(500_000);
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(44_100);
                recorder.setAudioChannels(1);
                recorder.start();
                Java2DFrameConverter converter = new Java2DFrameConverter();
                int frames = (int) Math.round(seconds * 25);
                for (int i = 0; i < frames; i++) {
                    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = image.createGraphics();
                    g.setColor(new Color(20 + i * 3 % 200, 80, 160));
                    g.fillRect(0, 0, width, height);
                    g.dispose();
                    Frame frame = converter.convert(image);
                    recorder.record(frame);
                }
                int samples = (int) (seconds * 44_100);
                ShortBuffer tone = ShortBuffer.allocate(samples);
                for (int i = 0; i < samples; i++) {
                    tone.put((short) (Math.sin(2 * Math.PI * 440 * i / 44_100.0) * 8000));
                }
                tone.flip();
                recorder.recordSamples(44_100, 1, tone);
                recorder.stop();
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.deleteIfExists(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

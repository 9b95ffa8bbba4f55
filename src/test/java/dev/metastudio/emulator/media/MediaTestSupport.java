package dev.metastudio.emulator.media;

import dev.metastudio.emulator.media.audio.AudioDecoder;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.PcmWriter;
import dev.metastudio.emulator.media.audio.WavWriter;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Fixtures made on the fly (no binary files in the repository) and decoding of rendered output. */
public final class MediaTestSupport {

    private MediaTestSupport() {
    }

    /** A 48 kHz mono WAV whose sample n is {@code signal(n)} in -1..1. */
    public static Path wav(Path dir, String name, double seconds, IntToDoubleFunction signal) throws Exception {
        Path pcm = dir.resolve(name + ".pcm");
        int n = (int) Math.round(seconds * Pcm.SAMPLE_RATE);
        short[] samples = new short[n];
        for (int i = 0; i < n; i++) {
            samples[i] = (short) Math.round(Math.max(-1, Math.min(1, signal.applyAsDouble(i))) * 32767);
        }
        try (PcmWriter w = new PcmWriter(pcm)) {
            w.write(samples, 0, n);
        }
        Path wav = dir.resolve(name + ".wav");
        WavWriter.fromPcm(pcm, wav);
        Files.delete(pcm);
        return wav;
    }

    public static IntToDoubleFunction sine(double hz, double amplitude) {
        return i -> amplitude * Math.sin(2 * Math.PI * hz * i / Pcm.SAMPLE_RATE);
    }

    /** A vowel-like buzz: harmonics of 140 Hz weighted towards a first formant near 700 Hz. */
    public static double vowel(int i, double amplitude) {
        double t = i / (double) Pcm.SAMPLE_RATE;
        double v = 0;
        for (int h = 1; h <= 20; h++) {
            double f = 140.0 * h;
            double weight = Math.exp(-Math.pow((f - 700) / 500, 2)) + 0.4 * Math.exp(-Math.pow((f - 1200) / 400, 2));
            v += weight * Math.sin(2 * Math.PI * f * t);
        }
        return amplitude * v / 2.2;
    }

    public static Path image(Path dir, String name, String format, int w, int h, Color color) throws Exception {
        BufferedImage img = new BufferedImage(w, h, format.equals("png") ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        Path file = dir.resolve(name + "." + format);
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return file;
    }

    /** All frames of a (small) video as RGB, converted from YUV with BT.709 as the encoder tagged them. */
    public static List<BufferedImage> frames(Path video) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                out.add(toRgb(f));
            }
        }
        return out;
    }

    private static BufferedImage toRgb(Frame f) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        int stride = f.imageStride;
        // The grabber hands over all three planes in one buffer whose limit covers only the luma plane.
        ByteBuffer b = ((ByteBuffer) f.image[0]).duplicate();
        b.limit(b.capacity());
        int uBase = stride * h;
        int vBase = uBase + (stride / 2) * (h / 2);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double yy = ((b.get(y * stride + x) & 0xff) - 16) / 219.0;
                double cb = ((b.get(uBase + (y / 2) * (stride / 2) + x / 2) & 0xff) - 128) / 224.0;
                double cr = ((b.get(vBase + (y / 2) * (stride / 2) + x / 2) & 0xff) - 128) / 224.0;
                double r = yy + 1.5748 * cr;
                double gg = yy - 0.1873 * cb - 0.4681 * cr;
                double bb = yy + 1.8556 * cb;
                img.setRGB(x, y, (c(r) << 16) | (c(gg) << 8) | c(bb));
            }
        }
        return img;
    }

    private static int c(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    /** The sound of a file as 48 kHz mono samples. */
    public static short[] audio(Path file) throws Exception {
        List<short[]> blocks = new ArrayList<>();
        int total = 0;
        try (AudioDecoder d = AudioDecoder.open(file)) {
            short[] block = new short[Pcm.SAMPLE_RATE];
            int n;
            while ((n = d.read(block, block.length)) > 0) {
                short[] copy = new short[n];
                System.arraycopy(block, 0, copy, 0, n);
                blocks.add(copy);
                total += n;
            }
        }
        short[] all = new short[total];
        int pos = 0;
        for (short[] b : blocks) {
            System.arraycopy(b, 0, all, pos, b.length);
            pos += b.length;
        }
        return all;
    }

    public static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    public static Color pixel(BufferedImage img, int x, int y) {
        return new Color(img.getRGB(x, y));
    }

    /** Largest channel difference between two colours. */
    public static int distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()), Math.max(Math.abs(a.getGreen() - b.getGreen()),
                Math.abs(a.getBlue() - b.getBlue())));
    }

    public static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }
}

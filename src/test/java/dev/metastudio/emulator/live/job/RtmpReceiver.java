package dev.metastudio.emulator.live.job;

import java.nio.ShortBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * An RTMP server inside the test: JavaCV's FFmpegFrameGrabber in FFmpeg's listen mode (listen=1) on a local port,
 * decoding what is published to it as it arrives. Records every video frame and, per audio frame, its loudness and
 * the wall-clock time it arrived.
 */
final class RtmpReceiver implements AutoCloseable {
    record Sound(long arrivedNanos, double rms) {
    }

    private final String url;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    final List<Sound> sounds = new CopyOnWriteArrayList<>();
    volatile int videoFrames;
    volatile int width;
    volatile int height;
    volatile double frameRate;
    volatile String videoCodec;
    volatile String audioCodec;
    volatile boolean started;
    private volatile boolean closing;

    RtmpReceiver(int port) {
        this.url = "rtmp://127.0.0.1:" + port + "/live/key";
        this.thread = new Thread(this::run, "test-rtmp-receiver-" + port);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url)) {
            grabber.setFormat("flv");
            grabber.setOption("listen", "1");
            grabber.setOption("timeout", "60");
            grabber.setOption("fflags", "nobuffer");
            grabber.setOption("analyzeduration", "500000");
            grabber.start();
            width = grabber.getImageWidth();
            height = grabber.getImageHeight();
            frameRate = grabber.getFrameRate();
            videoCodec = grabber.getVideoCodecName();
            audioCodec = grabber.getAudioCodecName();
            started = true;
            Frame frame;
            while (!closing && (frame = grabber.grab()) != null) {
                if (frame.image != null) {
                    videoFrames++;
                }
                if (frame.samples != null && frame.samples[0] instanceof java.nio.Buffer) {
                    sounds.add(new Sound(System.nanoTime(), rms(frame)));
                }
            }
        } catch (Throwable t) {
            if (!closing) {
                failure.set(t);
            }
        }
    }

    private static double rms(Frame frame) {
        java.nio.Buffer b = frame.samples[0];
        double sum = 0;
        int n = 0;
        if (b instanceof ShortBuffer s) {
            for (int i = s.position(); i < s.limit(); i++) {
                double v = s.get(i) / 32768.0;
                sum += v * v;
                n++;
            }
        } else if (b instanceof java.nio.FloatBuffer f) {
            for (int i = f.position(); i < f.limit(); i++) {
                double v = f.get(i);
                sum += v * v;
                n++;
            }
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    /** The first audio frame louder than {@code threshold} that arrived after {@code sinceNanos}, or null. */
    Sound firstLoud(long sinceNanos, double threshold) {
        for (Sound s : sounds) {
            if (s.arrivedNanos() >= sinceNanos && s.rms() > threshold) {
                return s;
            }
        }
        return null;
    }

    /** Loudest audio frame arrived in [from, to). */
    double loudest(long fromNanos, long toNanos) {
        return sounds.stream().filter(s -> s.arrivedNanos() >= fromNanos && s.arrivedNanos() < toNanos)
                .mapToDouble(Sound::rms).max().orElse(0);
    }

    Throwable failure() {
        return failure.get();
    }

    boolean alive() {
        return thread.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.join(10_000);
    }
}

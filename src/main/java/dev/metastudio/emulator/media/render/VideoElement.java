package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A VIDEO layer: decoded in step with the output (FFmpeg scales it to the layer's size), the frame shown being the
 * last one whose time has come. It replays loopCount + 1 times (forever for -1), then holds its last frame.
 */
final class VideoElement implements Dynamic {

    private final Path file;
    private final Rectangle area;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final int plays;
    private final double duration;
    private int play;
    private Frame pending;
    private double pendingTime;
    private BufferedImage shown;
    private long serial;

    VideoElement(Path file, Rectangle area, int loopCount, double durationSeconds) throws MediaException {
        this.file = file;
        this.area = area;
        this.plays = loopCount < 0 ? Integer.MAX_VALUE : loopCount + 1;
        this.duration = durationSeconds;
        FFmpegLog.quiet();
        grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setImageWidth(area.width);
        grabber.setImageHeight(area.height);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            close();
            throw new MediaException(Reason.UNSUPPORTED_MEDIA, "cannot decode video layer " + file.getFileName()
                    + ": " + e.getMessage(), e);
        }
        pending = grab();
    }

    private Frame grab() throws MediaException {
        try {
            Frame f = grabber.grabImage();
            if (f != null) {
                pendingTime = play * duration + grabber.getTimestamp() / 1e6;
            }
            return f;
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(Reason.DECODE_FAILED, "cannot decode video layer " + file.getFileName()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Rectangle envelope() {
        return area;
    }

    @Override
    public long advance(int frame) throws MediaException {
        double t = frame / 25.0;
        while (true) {
            if (pending == null) {
                if (play + 1 >= plays || serial == 0) {
                    break;
                }
                play++;
                try {
                    grabber.setTimestamp(0);
                } catch (FrameGrabber.Exception e) {
                    throw new MediaException(Reason.DECODE_FAILED, "cannot loop " + file.getFileName(), e);
                }
                pending = grab();
                continue;
            }
            if (pendingTime > t + 1e-6 && shown != null) {
                break;
            }
            shown = converter.convert(pending);
            serial++;
            pending = grab();
        }
        return serial;
    }

    @Override
    public void draw(Graphics2D g) {
        if (shown != null) {
            g.drawImage(shown, area.x, area.y, area.width, area.height, null);
        }
    }

    @Override
    public void close() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // Only native memory is freed here.
        }
        converter.close();
    }
}

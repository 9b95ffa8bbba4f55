package dev.metastudio.emulator.media.probe;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.image.Images;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Cover pictures for assets and rendered videos. */
public final class Thumbnails {

    private static final long COVER_TIME_MICROS = 1_000_000L;

    private Thumbnails() {
    }

    /** Writes a JPEG cover (video: a frame near 1 s or the first; image: scaled) no wider than maxWidth. */
    public static void writeCover(Path media, Path jpegOut, int maxWidth) throws MediaException {
        if (maxWidth <= 0) {
            throw new MediaException(Reason.INVALID_INPUT, "maxWidth must be positive: " + maxWidth);
        }
        MediaInfo info = MediaProbe.probe(media);
        BufferedImage picture = switch (info.kind()) {
            case IMAGE -> Images.readScaledDown(media, maxWidth);
            case VIDEO -> videoFrame(media, info);
            case AUDIO -> throw new MediaException(Reason.UNSUPPORTED_MEDIA,
                    "audio has no picture for a cover: " + media.getFileName());
        };
        Images.writeJpeg(fit(picture, maxWidth), jpegOut, 0.88f);
    }

    private static BufferedImage fit(BufferedImage picture, int maxWidth) {
        if (picture.getWidth() <= maxWidth) {
            return picture;
        }
        int height = Math.max(1, Math.round(picture.getHeight() * (maxWidth / (float) picture.getWidth())));
        return Images.scale(picture, maxWidth, height);
    }

    private static BufferedImage videoFrame(Path media, MediaInfo info) throws MediaException {
        FFmpegLog.quiet();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            // A frame one second in avoids the black or fading first frame many clips start with.
            if (info.durationSeconds() > 1.5) {
                grabber.setVideoTimestamp(COVER_TIME_MICROS);
            }
            Frame frame = grabber.grabImage();
            if (frame == null && info.durationSeconds() > 1.5) {
                grabber.setVideoTimestamp(0);
                frame = grabber.grabImage();
            }
            if (frame == null) {
                throw new MediaException(Reason.DECODE_FAILED, "no decodable frame in " + media.getFileName());
            }
            return Images.toArgb(converter.convert(frame));
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new MediaException(Reason.DECODE_FAILED,
                    "cannot decode " + media.getFileName() + ": " + e.getMessage(), e);
        }
    }
}

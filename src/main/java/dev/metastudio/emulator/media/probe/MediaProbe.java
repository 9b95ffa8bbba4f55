package dev.metastudio.emulator.media.probe;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/** Tells what a file really is by its content; the file name and extension are never trusted. */
public final class MediaProbe {

    private MediaProbe() {
    }

    /**
     * Probes by content, not by file name: audio and video with FFmpeg (avformat), images with ImageIO (PNG, JPEG,
     * GIF, BMP) and WebP through FFmpeg's image demuxer.
     */
    public static MediaInfo probe(Path file) throws MediaException {
        requireReadable(file);
        MediaInfo image = probeImageIo(file);
        return image != null ? image : probeFfmpeg(file);
    }

    static void requireReadable(Path file) throws MediaException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new MediaException(Reason.FILE_MISSING, "media file not found: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new MediaException(Reason.FILE_MISSING, "media file not readable: " + file);
        }
    }

    private static MediaInfo probeImageIo(Path file) throws MediaException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = normalizeImageFormat(reader.getFormatName());
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                String pixelFormat = describePixels(reader);
                return new MediaInfo(MediaKind.IMAGE, format, 0,
                        new VideoTrack(format, width, height, 0, pixelFormat, 0), null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new MediaException(Reason.DECODE_FAILED, "corrupt image " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String describePixels(ImageReader reader) {
        try {
            var type = reader.getRawImageType(0);
            if (type == null) {
                return "unknown";
            }
            var model = type.getColorModel();
            String base = model.getNumColorComponents() == 1 ? "gray" : "rgb";
            return model.hasAlpha() ? base + "a" : base;
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String normalizeImageFormat(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "jpg", "jpeg" -> "jpeg";
            case "wbmp" -> "bmp";
            default -> n;
        };
    }

    private static MediaInfo probeFfmpeg(Path file) throws MediaException {
        FFmpegLog.quiet();
        AVFormatContext ctx = new AVFormatContext(null);
        int rc = avformat.avformat_open_input(ctx, file.toAbsolutePath().toString(), null, null);
        if (rc < 0) {
            throw new MediaException(Reason.UNSUPPORTED_MEDIA,
                    "not a recognised audio, video or image file: " + file.getFileName() + " (" + FFmpegLog.describe(rc) + ")");
        }
        try {
            rc = avformat.avformat_find_stream_info(ctx, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
            if (rc < 0) {
                throw new MediaException(Reason.DECODE_FAILED,
                        "cannot read streams of " + file.getFileName() + " (" + FFmpegLog.describe(rc) + ")");
            }
            return describe(file, ctx);
        } finally {
            avformat.avformat_close_input(ctx);
        }
    }

    private static MediaInfo describe(Path file, AVFormatContext ctx) throws MediaException {
        String container = ctx.iformat().name().getString();
        AVStream videoStream = null;
        AVStream audioStream = null;
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream s = ctx.streams(i);
            int type = s.codecpar().codec_type();
            boolean coverArt = (s.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
            if (type == avutil.AVMEDIA_TYPE_VIDEO && !coverArt && videoStream == null) {
                videoStream = s;
            } else if (type == avutil.AVMEDIA_TYPE_AUDIO && audioStream == null) {
                audioStream = s;
            }
        }
        if (videoStream == null && audioStream == null) {
            throw new MediaException(Reason.UNSUPPORTED_MEDIA, "no audio or video stream in " + file.getFileName());
        }
        boolean imagePipe = container.endsWith("_pipe") || container.equals("image2");
        VideoTrack video = videoStream == null ? null : videoTrack(videoStream, imagePipe);
        AudioTrack audio = audioStream == null ? null : audioTrack(audioStream);
        if (imagePipe && (video == null || video.width() <= 0 || video.height() <= 0)) {
            // image2 picks its decoder from the file extension; without decodable pixels it is no image at all.
            throw new MediaException(Reason.UNSUPPORTED_MEDIA, "not a readable image: " + file.getFileName());
        }
        if (imagePipe && audio == null) {
            return new MediaInfo(MediaKind.IMAGE, video.codec(), 0, video, null);
        }
        double duration = durationSeconds(ctx, videoStream, audioStream);
        MediaKind kind = video != null ? MediaKind.VIDEO : MediaKind.AUDIO;
        if (duration <= 0) {
            throw new MediaException(Reason.DECODE_FAILED, "cannot determine the duration of " + file.getFileName());
        }
        return new MediaInfo(kind, container, duration, video, audio);
    }

    private static VideoTrack videoTrack(AVStream s, boolean image) {
        AVCodecParameters p = s.codecpar();
        String codec = codecName(p.codec_id());
        if (image && codec.equals("mjpeg")) {
            codec = "jpeg";
        }
        BytePointer pix = p.format() < 0 ? null : avutil.av_get_pix_fmt_name(p.format());
        String pixelFormat = pix == null ? "unknown" : pix.getString();
        double fps = image ? 0 : rate(s.avg_frame_rate());
        if (!image && fps <= 0) {
            fps = rate(s.r_frame_rate());
        }
        return new VideoTrack(codec, p.width(), p.height(), fps, pixelFormat, image ? 0 : Math.max(0, p.bit_rate()));
    }

    private static AudioTrack audioTrack(AVStream s) {
        AVCodecParameters p = s.codecpar();
        return new AudioTrack(codecName(p.codec_id()), p.sample_rate(), p.ch_layout().nb_channels(),
                Math.max(0, p.bit_rate()));
    }

    private static double durationSeconds(AVFormatContext ctx, AVStream video, AVStream audio) {
        if (ctx.duration() > 0 && ctx.duration() != avutil.AV_NOPTS_VALUE) {
            return ctx.duration() / (double) avutil.AV_TIME_BASE;
        }
        double best = 0;
        for (AVStream s : new AVStream[]{video, audio}) {
            if (s != null && s.duration() > 0 && s.duration() != avutil.AV_NOPTS_VALUE) {
                best = Math.max(best, s.duration() * rate(s.time_base()));
            }
        }
        return best;
    }

    private static double rate(AVRational r) {
        return r == null || r.den() == 0 ? 0 : r.num() / (double) r.den();
    }

    private static String codecName(int codecId) {
        BytePointer name = avcodec.avcodec_get_name(codecId);
        return name == null ? "unknown" : name.getString();
    }
}

package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.encode.FileOutput;
import dev.metastudio.emulator.media.encode.H264AacEncoder;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * A video file: MP4 (H.264 + AAC, moov first, at least the requested video bitrate) or WebM (VP8 + Opus, with the
 * duration written into its header, which the live WebM muxer leaves out).
 */
public final class FileSink implements FrameSink {

    private final Path file;
    private final VideoCodec codec;
    private final EncoderPreference preference;
    private final Path scratch;
    private H264AacEncoder h264;
    private VideoEncoder vp8;
    private String name;

    /** @param scratch a folder for the VP8 encoder's intermediate file */
    public FileSink(Path file, VideoCodec codec, EncoderPreference preference, Path scratch) {
        this.file = file;
        this.codec = codec;
        this.preference = preference == null ? EncoderPreference.SOFTWARE : preference;
        this.scratch = scratch;
    }

    @Override
    public void open(int width, int height, int bitrateKbps) throws MediaException {
        if (codec == VideoCodec.H264) {
            h264 = H264AacEncoder.open(width, height, bitrateKbps,
                    preference == EncoderPreference.HARDWARE_IF_AVAILABLE, List.of(new FileOutput(file)));
            name = h264.encoderName();
        } else {
            vp8 = VideoEncoder.open(encoded(), codec, width, height, bitrateKbps, preference);
            name = vp8.encoderName();
        }
    }

    private Path encoded() {
        return scratch.resolve("encoded.webm");
    }

    @Override
    public void frame(long number, ByteBuffer yuv, short[] audio) throws MediaException {
        if (h264 != null) {
            h264.frame(number, yuv, audio);
        } else {
            vp8.encode(yuv, audio);
        }
    }

    @Override
    public void finish() throws MediaException {
        if (h264 != null) {
            h264.finish();
        } else {
            vp8.finish();
            vp8.close();
            vp8 = null;
            WebmDurationFix.copy(encoded(), file);
        }
    }

    @Override
    public String encoderName() {
        return name;
    }

    @Override
    public void close() {
        if (h264 != null) {
            h264.close();
            h264 = null;
        }
        if (vp8 != null) {
            vp8.close();
            vp8 = null;
        }
    }
}

package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.audio.Pcm;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * H.264/AAC in MP4 (moov atom first) or VP8/Opus in WebM, fed with ready YUV 4:2:0 frames so FFmpeg does no pixel
 * conversion, and one frame's worth of 48 kHz mono audio per picture.
 */
final class VideoEncoder implements AutoCloseable {

    private static final int AUDIO_CHANNELS = 1;

    private final FFmpegFrameRecorder recorder;
    private final String encoderName;
    private final int width;
    private final int height;

    private VideoEncoder(FFmpegFrameRecorder recorder, String encoderName, int width, int height) {
        this.recorder = recorder;
        this.encoderName = encoderName;
        this.width = width;
        this.height = height;
    }

    static VideoEncoder open(Path out, VideoCodec codec, int width, int height, int bitrateKbps,
                             EncoderPreference preference) throws MediaException {
        if (codec == VideoCodec.H264 && preference == EncoderPreference.HARDWARE_IF_AVAILABLE) {
            try {
                return start(out, codec, "h264_nvenc", width, height, bitrateKbps);
            } catch (MediaException e) {
                deleteQuietly(out);
            }
        }
        return start(out, codec, codec == VideoCodec.H264 ? "libopenh264" : "libvpx", width, height, bitrateKbps);
    }

    private static VideoEncoder start(Path out, VideoCodec codec, String encoder, int width, int height,
                                      int bitrateKbps) throws MediaException {
        FFmpegLog.quiet();
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), width, height, AUDIO_CHANNELS);
        r.setFrameRate(Pcm.FPS);
        r.setVideoBitrate(bitrateKbps * 1000);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setGopSize(2 * Pcm.FPS);
        r.setVideoCodecName(encoder);
        r.setSampleRate(Pcm.SAMPLE_RATE);
        r.setAudioChannels(AUDIO_CHANNELS);
        String threads = Integer.toString(Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
        r.setVideoOption("threads", threads);
        // Tags so players convert colours with the matrix the frames were made with.
        r.setVideoOption("colorspace", "bt709");
        r.setVideoOption("color_primaries", "bt709");
        r.setVideoOption("color_trc", "bt709");
        r.setVideoOption("color_range", "tv");
        if (codec == VideoCodec.H264) {
            r.setFormat("mp4");
            r.setOption("movflags", "+faststart");
            r.setAudioCodecName("aac");
            r.setAudioBitrate(128_000);
            if (encoder.equals("libopenh264")) {
                // openh264 only runs threads on separate slices; four slices cost under 2 % in size here. It has no
                // High-profile tools, so Main (CABAC) is what it really produces.
                r.setVideoOption("slices", "4");
                r.setVideoOption("profile", "main");
            } else {
                r.setVideoOption("preset", "p4");
            }
        } else {
            r.setFormat("webm");
            r.setAudioCodecName("libopus");
            r.setAudioBitrate(96_000);
            r.setVideoOption("deadline", "realtime");
            r.setVideoOption("cpu-used", "6");
            r.setVideoOption("lag-in-frames", "0");
        }
        try {
            r.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            try {
                r.release();
            } catch (FrameRecorder.Exception ignored) {
                // The failure being reported is the one that matters.
            }
            throw new MediaException(Reason.ENCODE_FAILED, "cannot start " + encoder + " encoder: " + e.getMessage(), e);
        }
        return new VideoEncoder(r, encoder, width, height);
    }

    String encoderName() {
        return encoderName;
    }

    void encode(ByteBuffer yuv, short[] audio) throws MediaException {
        try {
            recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 1, width, avutil.AV_PIX_FMT_YUV420P, yuv);
            recorder.recordSamples(Pcm.SAMPLE_RATE, AUDIO_CHANNELS, ShortBuffer.wrap(audio));
        } catch (FrameRecorder.Exception e) {
            throw new MediaException(Reason.ENCODE_FAILED, encoderName + " failed: " + e.getMessage(), e);
        }
    }

    void finish() throws MediaException {
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new MediaException(Reason.ENCODE_FAILED, "cannot finish the video: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception ignored) {
            // Only native memory is freed here.
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // A leftover partial file is harmless; the caller reports the real failure.
        }
    }
}

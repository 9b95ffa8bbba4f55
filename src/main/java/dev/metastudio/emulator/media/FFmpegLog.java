package dev.metastudio.emulator.media;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * FFmpeg prints demuxer complaints to stderr; the library reports problems through exceptions instead. JavaCV resets
 * the level when its classes load, so callers set it again before each FFmpeg use (it is a cheap native store).
 */
public final class FFmpegLog {

    private FFmpegLog() {
    }

    public static void quiet() {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    /** FFmpeg's text for a negative return code. */
    public static String describe(int errorCode) {
        byte[] text = new byte[256];
        try (org.bytedeco.javacpp.BytePointer buf = new org.bytedeco.javacpp.BytePointer(text.length)) {
            avutil.av_strerror(errorCode, buf, text.length);
            buf.get(text);
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}

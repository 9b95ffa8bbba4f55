package dev.metastudio.emulator.media.audio;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the sound of any audio or video file as {@link Pcm} (48 kHz mono 16-bit), FFmpeg doing the decoding,
 * down-mixing and resampling. Only a few thousand samples are held at a time.
 */
public final class AudioDecoder implements AutoCloseable {

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final boolean hasAudio;
    private ShortBuffer pending;
    private boolean ended;

    private AudioDecoder(Path file, FFmpegFrameGrabber grabber, boolean hasAudio) {
        this.file = file;
        this.grabber = grabber;
        this.hasAudio = hasAudio;
        this.ended = !hasAudio;
    }

    /** Opens a file; a file without an audio stream is refused. */
    public static AudioDecoder open(Path file) throws MediaException {
        AudioDecoder decoder = openAllowingSilence(file);
        if (!decoder.hasAudio) {
            decoder.close();
            throw new MediaException(Reason.UNSUPPORTED_MEDIA, "no audio stream in " + file.getFileName());
        }
        return decoder;
    }

    /** Opens a file whose sound is optional (a video layer): without audio it reads as silence. */
    public static AudioDecoder openAllowingSilence(Path file) throws MediaException {
        if (file == null || !Files.isRegularFile(file)) {
            throw new MediaException(Reason.FILE_MISSING, "audio file not found: " + file);
        }
        FFmpegLog.quiet();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
        grabber.setSampleRate(Pcm.SAMPLE_RATE);
        grabber.setAudioChannels(1);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            release(grabber);
            throw new MediaException(Reason.UNSUPPORTED_MEDIA,
                    "cannot decode " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return new AudioDecoder(file, grabber, grabber.hasAudio());
    }

    /**
     * Fills {@code dst[0..length)} with the next samples; returns how many came from the file (0 once it has ended).
     * Samples past the end are zero.
     */
    public int read(short[] dst, int length) throws MediaException {
        int filled = 0;
        while (filled < length && !ended) {
            if (pending == null || !pending.hasRemaining()) {
                pending = nextChunk();
                if (pending == null) {
                    ended = true;
                    break;
                }
            }
            int n = Math.min(length - filled, pending.remaining());
            pending.get(dst, filled, n);
            filled += n;
        }
        for (int k = filled; k < length; k++) {
            dst[k] = 0;
        }
        return filled;
    }

    private ShortBuffer nextChunk() throws MediaException {
        try {
            Frame frame;
            do {
                frame = grabber.grabSamples();
            } while (frame != null && (frame.samples == null || frame.samples.length == 0));
            if (frame == null) {
                return null;
            }
            // The grabber reuses its buffers for the next packet, so keep a private copy.
            ShortBuffer src = ((ShortBuffer) frame.samples[0]).duplicate();
            short[] copy = new short[src.remaining()];
            src.get(copy);
            return ShortBuffer.wrap(copy);
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(Reason.DECODE_FAILED,
                    "cannot decode audio of " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public boolean hasAudio() {
        return hasAudio;
    }

    /** Starts over from the beginning (looping music and video layers). */
    public void rewind() throws MediaException {
        if (!hasAudio) {
            return;
        }
        try {
            grabber.setTimestamp(0);
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(Reason.DECODE_FAILED, "cannot rewind " + file.getFileName(), e);
        }
        pending = null;
        ended = false;
    }

    @Override
    public void close() {
        release(grabber);
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // Closing a decoder frees native memory only; there is nothing to recover.
        }
    }
}

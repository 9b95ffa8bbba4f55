package dev.metastudio.emulator.media.audio;

import dev.metastudio.emulator.media.FFmpegLog;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

import java.nio.ShortBuffer;
import java.nio.file.Path;

/** Compresses a raw {@link Pcm} file into a standalone audio file (MP3 through libmp3lame). */
public final class AudioFileEncoder {

    private AudioFileEncoder() {
    }

    public static void mp3(Path pcm, Path out, int bitrateKbps) throws MediaException {
        FFmpegLog.quiet();
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), 1);
        recorder.setFormat("mp3");
        recorder.setAudioCodecName("libmp3lame");
        recorder.setSampleRate(Pcm.SAMPLE_RATE);
        recorder.setAudioChannels(1);
        recorder.setAudioBitrate(bitrateKbps * 1000);
        try (PcmReader reader = new PcmReader(pcm)) {
            recorder.start();
            short[] block = new short[Pcm.SAMPLES_PER_FRAME];
            int n;
            while ((n = reader.read(block, block.length)) > 0) {
                recorder.recordSamples(Pcm.SAMPLE_RATE, 1, ShortBuffer.wrap(block, 0, n));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new MediaException(Reason.ENCODE_FAILED, "cannot encode MP3 " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                recorder.release();
            } catch (FrameRecorder.Exception ignored) {
                // Only native memory is freed here.
            }
        }
    }
}

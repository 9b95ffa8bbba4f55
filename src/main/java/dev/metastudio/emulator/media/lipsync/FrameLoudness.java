package dev.metastudio.emulator.media.lipsync;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.PcmReader;

import java.nio.file.Path;

/** The loudness of each 25 fps video frame of 48 kHz speech, in dBFS (RMS, floored at -100). */
public final class FrameLoudness {

    private static final int SPF = Pcm.SAMPLES_PER_FRAME;

    private FrameLoudness() {
    }

    public static double[] of(Path pcm, int frames) throws MediaException {
        double[] db = new double[frames];
        short[] block = new short[SPF];
        try (PcmReader reader = new PcmReader(pcm)) {
            for (int f = 0; f < frames; f++) {
                int n = reader.read(block, SPF);
                db[f] = rmsDb(block, 0, Math.max(0, n));
            }
        }
        return db;
    }

    public static double[] of(short[] samples, int frames) {
        double[] db = new double[frames];
        for (int f = 0; f < frames; f++) {
            int from = Math.min(samples.length, f * SPF);
            db[f] = rmsDb(samples, from, Math.min(samples.length, from + SPF) - from);
        }
        return db;
    }

    private static double rmsDb(short[] samples, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            double v = samples[i] / 32768.0;
            sum += v * v;
        }
        double rms = Math.sqrt(sum / SPF);
        return Math.max(-100, 20 * Math.log10(Math.max(rms, 1e-5)));
    }
}

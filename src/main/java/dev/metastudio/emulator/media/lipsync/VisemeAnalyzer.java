package dev.metastudio.emulator.media.lipsync;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.PcmReader;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Derives one mouth shape per 25 fps video frame from the speech signal alone, so uploaded audio and synthesized
 * speech animate the same way. Loudness relative to the clip's own speaking level decides how far the mouth opens;
 * the spectrum decides its shape (strong high band: teeth for sibilants; energy low with little second-formant band:
 * rounded lips; else open vowels). Shapes lasting a single frame are smoothed away so the mouth does not flicker, and
 * silence of two frames or more closes it.
 */
public final class VisemeAnalyzer {

    private static final int WINDOW = 2048;
    private static final int SPF = Pcm.SAMPLES_PER_FRAME;
    private static final double ABSOLUTE_SILENCE_DB = -50;
    private static final double DYNAMIC_RANGE_DB = 28;

    private VisemeAnalyzer() {
    }

    /** Frame features: loudness in dBFS, band shares, spectral centroid in Hz. */
    private record Features(double db, double low, double f2, double high, double centroid) {
    }

    public static Viseme[] analyze(Path pcm, int frames) throws MediaException {
        Features[] features = new Features[frames];
        Fft fft = new Fft(WINDOW);
        double[] hann = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (WINDOW - 1));
        }
        double[] re = new double[WINDOW];
        double[] im = new double[WINDOW];
        short[] prev = new short[SPF];
        short[] cur = new short[SPF];
        short[] next = new short[SPF];
        short[] window = new short[3 * SPF];
        try (PcmReader reader = new PcmReader(pcm)) {
            reader.read(cur, SPF);
            reader.read(next, SPF);
            for (int f = 0; f < frames; f++) {
                System.arraycopy(prev, 0, window, 0, SPF);
                System.arraycopy(cur, 0, window, SPF, SPF);
                System.arraycopy(next, 0, window, 2 * SPF, SPF);
                features[f] = measure(window, fft, hann, re, im);
                short[] t = prev;
                prev = cur;
                cur = next;
                next = t;
                reader.read(next, SPF);
            }
        }
        return classify(features);
    }

    private static Features measure(short[] window, Fft fft, double[] hann, double[] re, double[] im) {
        double sum = 0;
        for (int i = SPF; i < 2 * SPF; i++) {
            double v = window[i] / 32768.0;
            sum += v * v;
        }
        double rms = Math.sqrt(sum / SPF);
        double db = 20 * Math.log10(Math.max(rms, 1e-6));
        int offset = SPF + SPF / 2 - WINDOW / 2;
        for (int i = 0; i < WINDOW; i++) {
            re[i] = window[offset + i] / 32768.0 * hann[i];
            im[i] = 0;
        }
        fft.transform(re, im);
        double binHz = Pcm.SAMPLE_RATE / (double) WINDOW;
        double low = 0;
        double f2 = 0;
        double high = 0;
        double weighted = 0;
        for (int k = (int) (80 / binHz); k <= (int) (8000 / binHz); k++) {
            double e = re[k] * re[k] + im[k] * im[k];
            double hz = k * binHz;
            if (hz < 1000) {
                low += e;
            } else if (hz < 2800) {
                f2 += e;
            } else {
                high += e;
            }
            weighted += e * hz;
        }
        double total = low + f2 + high;
        if (total <= 0) {
            return new Features(db, 0, 0, 0, 0);
        }
        return new Features(db, low / total, f2 / total, high / total, weighted / total);
    }

    private static Viseme[] classify(Features[] features) {
        int n = features.length;
        double[] voiced = Arrays.stream(features).mapToDouble(Features::db).filter(d -> d > ABSOLUTE_SILENCE_DB)
                .sorted().toArray();
        // The 90th percentile is "speaking normally" for this clip, robust to a few shouted syllables.
        double reference = voiced.length == 0 ? 0 : voiced[(int) Math.min(voiced.length - 1, voiced.length * 0.9)];
        double silence = Math.max(ABSOLUTE_SILENCE_DB, reference - DYNAMIC_RANGE_DB);
        Viseme[] v = new Viseme[n];
        for (int i = 0; i < n; i++) {
            Features f = features[i];
            if (f.db() <= silence) {
                v[i] = Viseme.X;
                continue;
            }
            double level = Math.min(1, (f.db() - silence) / Math.max(1, reference - silence));
            v[i] = shape(f, level);
        }
        return smooth(v);
    }

    private static Viseme shape(Features f, double level) {
        if (level < 0.2) {
            return Viseme.A;
        }
        if (f.high() > 0.5) {
            return Viseme.B;
        }
        if (f.high() > 0.3 && level < 0.5) {
            return Viseme.G;
        }
        if (f.centroid() < 700 && f.f2() < 0.15) {
            return level > 0.55 ? Viseme.E : Viseme.F;
        }
        if (level > 0.8) {
            return Viseme.D;
        }
        if (level > 0.5) {
            return f.f2() > 0.45 ? Viseme.H : Viseme.C;
        }
        return Viseme.B;
    }

    private static Viseme[] smooth(Viseme[] v) {
        int n = v.length;
        // A one-frame dip to silence between syllables is a closure of the lips, not the mouth at rest.
        for (int i = 1; i + 1 < n; i++) {
            if (v[i] == Viseme.X && v[i - 1] != Viseme.X && v[i + 1] != Viseme.X) {
                v[i] = Viseme.A;
            }
        }
        for (int i = 1; i + 1 < n; i++) {
            if (v[i] != v[i - 1] && v[i - 1] == v[i + 1]) {
                v[i] = v[i - 1];
            }
        }
        return v;
    }
}

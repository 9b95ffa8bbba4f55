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
    private static final double SILENCE_BELOW_DB = 28;
    /** Loudness range over which the jaw goes from nearly closed to fully open. */
    private static final double OPENING_RANGE_DB = 20;

    private VisemeAnalyzer() {
    }

    /** Frame features: loudness in dBFS, band shares, spectral centroid in Hz. */
    private record Features(double db, double low, double f2, double high, double centroid) {
    }

    /** Fills {@code dst[0..length)} with the next samples, zero past the end. */
    private interface Source {
        void read(short[] dst, int length) throws MediaException;
    }

    public static Viseme[] analyze(Path pcm, int frames) throws MediaException {
        try (PcmReader reader = new PcmReader(pcm)) {
            return analyze(reader::read, frames);
        }
    }

    /** The same for speech already in memory (48 kHz mono). */
    public static Viseme[] analyze(short[] samples, int frames) {
        int[] position = {0};
        try {
            return analyze((dst, length) -> {
                int n = Math.max(0, Math.min(length, samples.length - position[0]));
                System.arraycopy(samples, position[0], dst, 0, n);
                Arrays.fill(dst, n, length, (short) 0);
                position[0] += n;
            }, frames);
        } catch (MediaException e) {
            throw new IllegalStateException("reading memory cannot fail", e);
        }
    }

    private static Viseme[] analyze(Source reader, int frames) throws MediaException {
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
        Features[] voiced = Arrays.stream(features).filter(f -> f.db() > ABSOLUTE_SILENCE_DB).toArray(Features[]::new);
        // The 90th percentile is "speaking normally" for this clip, robust to a few shouted syllables.
        double reference = percentile(voiced, Features::db, 0.9);
        double silence = Math.max(ABSOLUTE_SILENCE_DB, reference - SILENCE_BELOW_DB);
        // Spectral shape is judged against the speaker's own typical values: voices (and engines) differ far more
        // from each other than one voice's vowels do.
        Features typical = new Features(reference, percentile(voiced, Features::low, 0.5),
                percentile(voiced, Features::f2, 0.5), percentile(voiced, Features::high, 0.5),
                percentile(voiced, Features::centroid, 0.5));
        Viseme[] v = new Viseme[n];
        for (int i = 0; i < n; i++) {
            Features f = features[i];
            if (f.db() <= silence) {
                v[i] = Viseme.X;
                continue;
            }
            double level = Math.max(0, Math.min(1, (f.db() - (reference - OPENING_RANGE_DB)) / OPENING_RANGE_DB));
            v[i] = shape(f, typical, level);
        }
        return smooth(v);
    }

    private static double percentile(Features[] values, java.util.function.ToDoubleFunction<Features> field,
                                     double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = Arrays.stream(values).mapToDouble(field).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, sorted.length * p)];
    }

    private static Viseme shape(Features f, Features typical, double level) {
        if (level < 0.15) {
            return Viseme.A;
        }
        boolean hiss = f.high() > Math.max(0.35, 2 * typical.high());
        if (hiss) {
            return level < 0.5 ? Viseme.G : Viseme.B;
        }
        if (f.centroid() < 0.8 * typical.centroid() && f.f2() < 0.8 * typical.f2()) {
            return level > 0.55 ? Viseme.E : Viseme.F;
        }
        if (level > 0.8) {
            return Viseme.D;
        }
        if (level > 0.45) {
            return f.f2() > 1.4 * typical.f2() ? Viseme.H : Viseme.C;
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

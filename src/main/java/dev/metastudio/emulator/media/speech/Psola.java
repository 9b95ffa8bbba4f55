package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.audio.Pcm;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Pitch shifting that keeps duration and formants (TD-PSOLA): two-period Hann grains are cut at the glottal pulses of
 * voiced speech and laid down again closer together (higher) or further apart (lower). Unvoiced sound is copied grain
 * by grain unchanged. Used where an engine cannot set its own pitch, and to redraw Mandarin tones.
 */
final class Psola {

    private static final double UNVOICED_PERIOD_SECONDS = 0.005;

    private Psola() {
    }

    static short[] shift(short[] x, int rate, double factor) {
        if (Math.abs(factor - 1) < 1e-3) {
            return x;
        }
        return shift(x, rate, PitchTracker.track(x, rate), t -> factor);
    }

    /**
     * @param f0    the clip's pitch per {@link PitchTracker#HOP_SECONDS} (0 = unvoiced)
     * @param ratio pitch factor at a time in seconds
     */
    static short[] shift(short[] x, int rate, double[] f0, DoubleUnaryOperator ratio) {
        int n = x.length;
        int unvoiced = Math.max(1, (int) (UNVOICED_PERIOD_SECONDS * rate));
        double[] smooth = lowPass(x, rate);
        double polarity = 1;
        int[] marks = new int[16];
        int[] periods = new int[16];
        boolean[] voicedMark = new boolean[16];
        int count = 0;
        int t = 0;
        boolean wasVoiced = false;
        while (t < n) {
            double hz = f0Around(f0, t / (double) rate);
            boolean voiced = hz > 0;
            int period = voiced ? (int) Math.round(rate / hz) : unvoiced;
            int mark = t;
            if (voiced) {
                // Grains are centred on glottal pulses: the strongest peak of the low-passed wave where the next pulse
                // should be, always of the polarity the voiced stretch started with (formant ringing has peaks of
                // both signs; mixing them would misalign the grains).
                if (!wasVoiced) {
                    mark = peak(smooth, t, Math.min(n - 1, t + period), 0);
                    polarity = Math.signum(smooth[mark]) == 0 ? 1 : Math.signum(smooth[mark]);
                } else {
                    mark = peak(smooth, Math.max(0, t - period / 4), Math.min(n - 1, t + period / 4), polarity);
                }
            }
            if (count == marks.length) {
                marks = Arrays.copyOf(marks, count * 2);
                periods = Arrays.copyOf(periods, count * 2);
                voicedMark = Arrays.copyOf(voicedMark, count * 2);
            }
            if (count > 0 && mark <= marks[count - 1]) {
                mark = marks[count - 1] + 1;
            }
            marks[count] = mark;
            periods[count] = period;
            voicedMark[count] = voiced;
            count++;
            wasVoiced = voiced;
            t = mark + period;
        }
        double[] out = new double[n];
        double[] weight = new double[n];
        double ts = marks.length > 0 ? marks[0] : 0;
        int k = 0;
        while (ts < n && count > 0) {
            while (k + 1 < count && Math.abs(marks[k + 1] - ts) < Math.abs(marks[k] - ts)) {
                k++;
            }
            int period = periods[k];
            int centre = (int) Math.round(ts);
            for (int j = -period; j <= period; j++) {
                int src = marks[k] + j;
                int dst = centre + j;
                if (src < 0 || src >= n || dst < 0 || dst >= n) {
                    continue;
                }
                double w = 0.5 + 0.5 * Math.cos(Math.PI * j / period);
                out[dst] += x[src] * w;
                weight[dst] += w;
            }
            double r = voicedMark[k] ? Math.max(0.25, Math.min(4, ratio.applyAsDouble(ts / rate))) : 1;
            ts += period / r;
        }
        short[] y = new short[n];
        for (int i = 0; i < n; i++) {
            // Overlapping grains (higher pitch) add up and are normalised; sparse ones (lower pitch) are not raised.
            y[i] = Pcm.softClip(out[i] / Math.max(1, weight[i]));
        }
        return y;
    }

    private static double f0Around(double[] f0, double seconds) {
        int i = (int) Math.round(seconds / PitchTracker.HOP_SECONDS);
        return i >= 0 && i < f0.length ? f0[i] : 0;
    }

    /** The index of the largest value times {@code sign} (of the largest magnitude when sign is 0). */
    private static int peak(double[] x, int from, int to, double sign) {
        int best = from;
        for (int i = from; i <= to; i++) {
            double v = sign == 0 ? Math.abs(x[i]) : sign * x[i];
            double b = sign == 0 ? Math.abs(x[best]) : sign * x[best];
            if (v > b) {
                best = i;
            }
        }
        return best;
    }

    /** A zero-phase one-pole low pass at about 800 Hz: what remains is mostly the fundamental and first formant. */
    private static double[] lowPass(short[] x, int rate) {
        double a = Math.exp(-2 * Math.PI * 800 / rate);
        double[] y = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s = a * s + (1 - a) * x[i];
            y[i] = s;
        }
        s = 0;
        for (int i = x.length - 1; i >= 0; i--) {
            s = a * s + (1 - a) * y[i];
            y[i] = s;
        }
        return y;
    }
}

package dev.metastudio.emulator.media.speech;

/**
 * Fundamental frequency every {@value #HOP_SECONDS} s with the YIN difference function on a 40 ms window, on a copy
 * decimated to about 11 kHz (plenty for 60-500 Hz). 0 marks an unvoiced or silent frame.
 */
final class PitchTracker {

    static final double HOP_SECONDS = 0.01;
    private static final double WINDOW_SECONDS = 0.04;
    private static final double MIN_HZ = 60;
    private static final double MAX_HZ = 500;
    private static final double THRESHOLD = 0.15;
    private static final double MAX_APERIODICITY = 0.35;

    private PitchTracker() {
    }

    static double[] track(short[] samples, int sampleRate) {
        int factor = Math.max(1, sampleRate / 11_025);
        int rate = sampleRate / factor;
        double[] x = new double[samples.length / factor];
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (int k = 0; k < factor; k++) {
                sum += samples[i * factor + k];
            }
            x[i] = sum / factor / 32768.0;
        }
        int window = (int) (WINDOW_SECONDS * rate);
        int hop = (int) Math.round(HOP_SECONDS * rate);
        int maxLag = (int) (rate / MIN_HZ);
        int minLag = (int) (rate / MAX_HZ);
        int frames = Math.max(0, (x.length - window - maxLag - 1) / hop + 1);
        double[] f0 = new double[(int) Math.ceil(samples.length / (double) sampleRate / HOP_SECONDS)];
        double loudest = 0;
        double[] energy = new double[frames];
        for (int f = 0; f < frames; f++) {
            double e = 0;
            for (int i = f * hop; i < f * hop + window; i++) {
                e += x[i] * x[i];
            }
            energy[f] = e / window;
            loudest = Math.max(loudest, energy[f]);
        }
        double[] d = new double[maxLag + 2];
        for (int f = 0; f < frames && f < f0.length; f++) {
            // Frames more than 30 dB below the loudest are silence or breath, not voice.
            if (energy[f] < loudest * 1e-3) {
                continue;
            }
            int start = f * hop;
            for (int lag = 1; lag <= maxLag + 1; lag++) {
                double s = 0;
                for (int i = start; i < start + window; i++) {
                    double diff = x[i] - x[i + lag];
                    s += diff * diff;
                }
                d[lag] = s;
            }
            double running = 0;
            int best = -1;
            double[] cmnd = new double[maxLag + 2];
            for (int lag = 1; lag <= maxLag + 1; lag++) {
                running += d[lag];
                cmnd[lag] = running > 0 ? d[lag] * lag / running : 1;
            }
            for (int lag = minLag; lag <= maxLag; lag++) {
                if (cmnd[lag] < THRESHOLD) {
                    while (lag + 1 <= maxLag && cmnd[lag + 1] < cmnd[lag]) {
                        lag++;
                    }
                    best = lag;
                    break;
                }
            }
            if (best < 0) {
                int argmin = minLag;
                for (int lag = minLag; lag <= maxLag; lag++) {
                    if (cmnd[lag] < cmnd[argmin]) {
                        argmin = lag;
                    }
                }
                if (cmnd[argmin] > MAX_APERIODICITY) {
                    continue;
                }
                best = argmin;
            }
            double a = cmnd[best - 1];
            double b = cmnd[best];
            double c = cmnd[best + 1];
            double denominator = a - 2 * b + c;
            double shift = denominator != 0 ? 0.5 * (a - c) / denominator : 0;
            double lag = best + Math.max(-0.5, Math.min(0.5, shift));
            // The window starts at the frame; its centre is half a window later.
            int index = (int) Math.round((start + window / 2.0) / rate / HOP_SECONDS);
            if (index < f0.length) {
                f0[index] = rate / lag;
            }
        }
        fillSingleGaps(f0);
        return f0;
    }

    /** Frames are computed at window centres, so an isolated hole between two voiced frames is interpolated. */
    private static void fillSingleGaps(double[] f0) {
        for (int i = 1; i + 1 < f0.length; i++) {
            if (f0[i] == 0 && f0[i - 1] > 0 && f0[i + 1] > 0) {
                f0[i] = Math.sqrt(f0[i - 1] * f0[i + 1]);
            }
        }
    }

    /** Median of the voiced frames, 0 if none. */
    static double median(double[] f0) {
        double[] voiced = java.util.Arrays.stream(f0).filter(v -> v > 0).sorted().toArray();
        return voiced.length == 0 ? 0 : voiced[voiced.length / 2];
    }
}

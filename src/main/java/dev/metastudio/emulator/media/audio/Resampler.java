package dev.metastudio.emulator.media.audio;

/**
 * Band-limited sample-rate conversion of a whole clip (a synthesized sentence, never a whole video) with a polyphase
 * windowed-sinc filter. Linear interpolation would alias sibilants of 16/22 kHz speech into audible hiss.
 */
public final class Resampler {

    private static final int HALF_TAPS = 16;
    private static final int PHASES = 256;

    private Resampler() {
    }

    public static short[] resample(short[] input, int inRate, int outRate) {
        if (inRate == outRate) {
            return input.clone();
        }
        double ratio = outRate / (double) inRate;
        double cutoff = Math.min(1.0, ratio) * 0.94;
        float[][] table = filterTable(cutoff);
        int outLength = (int) Math.round(input.length * ratio);
        short[] out = new short[outLength];
        double step = inRate / (double) outRate;
        for (int n = 0; n < outLength; n++) {
            double position = n * step;
            int base = (int) Math.floor(position);
            double frac = position - base;
            float[] taps = table[(int) Math.round(frac * PHASES)];
            double acc = 0;
            for (int k = -HALF_TAPS + 1; k <= HALF_TAPS; k++) {
                int index = base + k;
                if (index >= 0 && index < input.length) {
                    acc += input[index] * taps[k + HALF_TAPS - 1];
                }
            }
            out[n] = Pcm.clip((float) acc);
        }
        return out;
    }

    /** table[p][j] is the weight of input sample base+(j-HALF_TAPS+1) for an output at fractional offset p/PHASES. */
    private static float[][] filterTable(double cutoff) {
        float[][] table = new float[PHASES + 1][2 * HALF_TAPS];
        for (int p = 0; p <= PHASES; p++) {
            double frac = p / (double) PHASES;
            for (int j = 0; j < 2 * HALF_TAPS; j++) {
                double x = (j - HALF_TAPS + 1) - frac;
                double sinc = x == 0 ? 1 : Math.sin(Math.PI * x * cutoff) / (Math.PI * x * cutoff);
                double window = 0.5 + 0.5 * Math.cos(Math.PI * x / HALF_TAPS);
                table[p][j] = (float) (cutoff * sinc * (Math.abs(x) < HALF_TAPS ? window : 0));
            }
        }
        return table;
    }
}

package dev.metastudio.emulator.media.audio;

/**
 * The one internal audio format: signed 16-bit mono at 48 kHz. 48 kHz is what Opus requires and divides evenly into
 * 25 fps video frames (1920 samples each), so audio and video never drift apart.
 */
public final class Pcm {

    public static final int SAMPLE_RATE = 48_000;
    public static final int FPS = 25;
    public static final int SAMPLES_PER_FRAME = SAMPLE_RATE / FPS;

    private Pcm() {
    }

    public static short clip(float value) {
        if (value > Short.MAX_VALUE) {
            return Short.MAX_VALUE;
        }
        if (value < Short.MIN_VALUE) {
            return Short.MIN_VALUE;
        }
        return (short) Math.round(value);
    }

    /**
     * Linear up to 80 % of full scale, then a tanh knee: sums of speech, music and video sound stay round instead of
     * clipping hard.
     */
    public static short softClip(double value) {
        double knee = 0.8 * Short.MAX_VALUE;
        double headroom = Short.MAX_VALUE - knee;
        double a = Math.abs(value);
        if (a > knee) {
            a = knee + headroom * Math.tanh((a - knee) / headroom);
        }
        return clip((float) Math.copySign(a, value));
    }

    public static double seconds(long samples) {
        return samples / (double) SAMPLE_RATE;
    }

    public static long samples(double seconds) {
        return Math.round(seconds * SAMPLE_RATE);
    }
}

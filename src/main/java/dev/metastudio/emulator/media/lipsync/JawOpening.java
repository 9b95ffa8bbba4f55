package dev.metastudio.emulator.media.lipsync;

import java.util.Arrays;

/**
 * How far the jaw is open in each frame (0..1). The shape sets the range ({@link Viseme#least()} when barely voiced,
 * {@link Viseme#opening()} at the clip's speaking level); the voice's loudness in that frame picks the point within
 * it, so a stressed vowel opens wider than the same vowel swallowed, and the opening rises and falls with the
 * syllables as a real jaw does. Then, as the jaw moves:
 * <ul>
 *   <li>coarticulation: each frame leans a little towards its neighbours (the jaw is already on its way to the next
 *       vowel), without lag since both sides weigh the same;</li>
 *   <li>attack and release: the jaw drops fast at a syllable's onset and closes a little slower after it;</li>
 *   <li>closures are exact: a closed shape ({@link Viseme#A} for /p b m/, {@link Viseme#X} at rest) is 0 whatever the
 *       loudness (a hummed /m/ is loud with the lips shut), and silence is 0 and constant: no movement.</li>
 * </ul>
 */
final class JawOpening {

    /** Quieter than this (dBFS) is silence whatever the clip's level. */
    private static final double SILENCE_DB = -60;
    /** Below the speaking level by this much is silence too (breath, engine noise floor). */
    private static final double SILENCE_BELOW_DB = 35;
    private static final double NEIGHBOUR_WEIGHT = 0.2;
    private static final double ATTACK = 0.85;
    private static final double RELEASE = 0.6;

    private JawOpening() {
    }

    static double[] of(Viseme[] shapes, double[] loudnessDb) {
        int n = shapes.length;
        double[] level = levels(loudnessDb, n);
        double[] target = new double[n];
        for (int f = 0; f < n; f++) {
            Viseme v = shapes[f];
            target[f] = closed(v) ? 0 : v.least() + (v.opening() - v.least()) * level[f];
        }
        double[] open = new double[n];
        double jaw = 0;
        for (int f = 0; f < n; f++) {
            if (closed(shapes[f])) {
                jaw = 0;
                open[f] = 0;
                continue;
            }
            double before = f > 0 && !closed(shapes[f - 1]) ? target[f - 1] : target[f];
            double after = f + 1 < n && !closed(shapes[f + 1]) ? target[f + 1] : target[f];
            double aim = (1 - 2 * NEIGHBOUR_WEIGHT) * target[f] + NEIGHBOUR_WEIGHT * (before + after);
            jaw += (aim > jaw ? ATTACK : RELEASE) * (aim - jaw);
            open[f] = jaw;
        }
        return open;
    }

    private static boolean closed(Viseme v) {
        return v.opening() == 0;
    }

    /**
     * Amplitude relative to the clip's speaking level (the 90th percentile of voiced frames, robust to a few shouted
     * syllables), 0..1 and linear in amplitude: the jaw's travel follows the sound pressure, not its decibels.
     */
    private static double[] levels(double[] db, int n) {
        double[] level = new double[n];
        if (db == null) {
            Arrays.fill(level, 1);
            return level;
        }
        double[] voiced = Arrays.stream(db).filter(d -> d > SILENCE_DB).sorted().toArray();
        if (voiced.length == 0) {
            return level;
        }
        double speaking = voiced[(int) Math.min(voiced.length - 1, voiced.length * 0.9)];
        double silence = Math.max(SILENCE_DB, speaking - SILENCE_BELOW_DB);
        double reference = Math.pow(10, speaking / 20);
        for (int f = 0; f < n && f < db.length; f++) {
            level[f] = db[f] <= silence ? 0 : Math.min(1, Math.pow(10, db[f] / 20) / reference);
        }
        return level;
    }
}

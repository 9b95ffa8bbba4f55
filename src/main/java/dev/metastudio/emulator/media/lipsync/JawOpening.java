package dev.metastudio.emulator.media.lipsync;

import java.util.Arrays;

/**
 * How far the jaw is open in each frame (0..1): the shape's full opening ({@link Viseme#opening()}) scaled by the
 * voice's loudness in that frame, so a stressed vowel opens wider than the same vowel swallowed and the opening rises
 * and falls with the syllables, as a real jaw does (phonetics calls it sonority: the louder the sound, the more open
 * the vocal tract). Then, as the jaw moves:
 * <ul>
 *   <li>attack and release: the jaw drops fast at a syllable's onset and closes a little slower after it, so it
 *       carries some of a vowel's opening into the consonant that follows (carry-over coarticulation; the shapes
 *       themselves anticipate, see {@link PhonemeLipSync});</li>
 *   <li>closures are exact: a closed shape ({@link Viseme#A} for /p b m/, {@link Viseme#X} at rest, in every pause
 *       longer than {@value PhonemeLipSync#LONG_PAUSE_MS} ms) is 0 whatever the loudness (a hummed /m/ is loud with the
 *       lips shut), and the jaw opens again from there;</li>
 *   <li>silence is 0 for every shape, and the shape itself rests ({@link #atRest}): nothing moves.</li>
 * </ul>
 * The constants were chosen on the speech benchmark (bench/speech.sh), where every extra frame of smoothing or a
 * wider spread between the shapes' openings lowers the correlation of the opening with the sound.
 */
final class JawOpening {

    /** Quieter than this (dBFS) is silence whatever the clip's level. */
    private static final double SILENCE_DB = -60;
    /** Below the speaking level by this much is silence too (breath, the engine's noise floor). */
    private static final double SILENCE_BELOW_DB = 35;
    /**
     * The clip's full speaking level: this percentile of its voiced frames' loudness, high enough that few frames
     * saturate, robust to a single shouted syllable or click.
     */
    private static final double SPEAKING_PERCENTILE = 0.98;
    /** Slightly more than linear in amplitude: soft consonants stay nearer closed, loud vowels open fully. */
    private static final double LEVEL_EXPONENT = 1.2;
    /** Share of the way to the target the jaw moves in one frame (40 ms), opening and closing. */
    private static final double ATTACK = 0.9;
    private static final double RELEASE = 0.8;

    private JawOpening() {
    }

    /**
     * @param loudnessDb per-frame loudness of the same audio ({@link FrameLoudness}); null opens every shape fully
     */
    static double[] of(Viseme[] shapes, double[] loudnessDb) {
        int n = shapes.length;
        double[] level = levels(loudnessDb, n);
        double[] open = new double[n];
        double jaw = 0;
        for (int f = 0; f < n; f++) {
            double target = shapes[f].opening() * level[f];
            if (target == 0) {
                // Closed shapes and silence: exactly shut, not on their way there.
                jaw = 0;
            } else {
                jaw += (target > jaw ? ATTACK : RELEASE) * (target - jaw);
            }
            open[f] = jaw;
        }
        return open;
    }

    /**
     * The shapes with every silent frame at rest ({@link Viseme#X}): a phone the engine placed over silence (the
     * closure of a /t/ or /k/ between words, the start of a clip) would otherwise still spread or round the closed
     * lips, a mouth moving in silence. A closure stays: the silent hold of a /b/ is the lips pressed together.
     */
    static Viseme[] atRest(Viseme[] shapes, double[] loudnessDb) {
        Viseme[] out = shapes.clone();
        if (loudnessDb == null) {
            return out;
        }
        double[] level = levels(loudnessDb, shapes.length);
        for (int f = 0; f < out.length; f++) {
            if (level[f] == 0 && out[f].opening() > 0) {
                out[f] = Viseme.X;
            }
        }
        return out;
    }

    /** Loudness relative to the clip's speaking level, 0..1, from amplitude (the jaw follows sound pressure). */
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
        double speaking = voiced[(int) Math.min(voiced.length - 1, voiced.length * SPEAKING_PERCENTILE)];
        double silence = Math.max(SILENCE_DB, speaking - SILENCE_BELOW_DB);
        double reference = Math.pow(10, speaking / 20);
        for (int f = 0; f < n && f < db.length; f++) {
            level[f] = db[f] <= silence ? 0 : Math.pow(Math.min(1, Math.pow(10, db[f] / 20) / reference),
                    LEVEL_EXPONENT);
        }
        return level;
    }
}

package dev.metastudio.emulator.media.speech;

/**
 * What a recording says about its speaker without recognising a word: the median fundamental frequency of the voiced
 * frames (YIN, {@link PitchTracker}), the loudness of the speech (RMS of the frames that are not pauses, dBFS), the
 * time actually spoken (pauses left out) and the syllable rate (peaks of the loudness envelope per spoken second).
 * Plain Java, no Spring: voice modeling measures the customer's recordings with it, and the engine voice that is to
 * imitate them.
 */
public final class SpeakerAnalysis {

    /** The measures of one recording (or of several taken together). */
    public record Profile(double medianF0, double loudnessDb, double speechSeconds, double syllablesPerSecond,
                          double durationSeconds) {
    }

    private static final double FRAME_SECONDS = 0.02;
    /** Frames more than this far below the loudest are pauses. */
    private static final double PAUSE_BELOW_DB = 30;
    private static final double FLOOR_DB = -60;

    private SpeakerAnalysis() {
    }

    public static Profile measure(short[] samples, int sampleRate) {
        return measure(samples, sampleRate, true);
    }

    /** The spoken time alone (no pitch tracking, cheap): the seconds that are not pauses. */
    public static double spokenSeconds(short[] samples, int sampleRate) {
        return measure(samples, sampleRate, false).speechSeconds();
    }

    private static Profile measure(short[] samples, int sampleRate, boolean pitch) {
        double f0 = pitch ? PitchTracker.median(PitchTracker.track(samples, sampleRate)) : 0;
        int frame = Math.max(1, (int) Math.round(FRAME_SECONDS * sampleRate));
        int frames = samples.length / frame;
        double[] db = new double[frames];
        double loudest = -200;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                double v = samples[i] / 32768.0;
                sum += v * v;
            }
            db[f] = 10 * Math.log10(sum / frame + 1e-12);
            loudest = Math.max(loudest, db[f]);
        }
        double threshold = Math.max(loudest - PAUSE_BELOW_DB, FLOOR_DB);
        double energy = 0;
        int active = 0;
        for (int f = 0; f < frames; f++) {
            if (db[f] >= threshold) {
                energy += Math.pow(10, db[f] / 10);
                active++;
            }
        }
        double loudness = active == 0 ? -200 : 10 * Math.log10(energy / active);
        double spoken = active * FRAME_SECONDS;
        int syllables = syllables(db, threshold);
        return new Profile(f0, loudness, spoken, spoken > 0 ? syllables / spoken : 0,
                samples.length / (double) sampleRate);
    }

    /**
     * Syllable nuclei: peaks of the envelope (smoothed over 60 ms) that rise at least 3 dB above the dip before them
     * and lie at least 100 ms after the previous one.
     */
    static int syllables(double[] db, double threshold) {
        double[] smooth = new double[db.length];
        for (int i = 0; i < db.length; i++) {
            double sum = 0;
            int n = 0;
            for (int k = Math.max(0, i - 1); k <= Math.min(db.length - 1, i + 1); k++) {
                sum += db[k];
                n++;
            }
            smooth[i] = sum / n;
        }
        int count = 0;
        int last = -100;
        double dip = Double.MAX_VALUE;
        for (int i = 1; i + 1 < smooth.length; i++) {
            dip = Math.min(dip, smooth[i]);
            boolean peak = smooth[i] >= smooth[i - 1] && smooth[i] > smooth[i + 1];
            if (peak && smooth[i] >= threshold && smooth[i] - dip >= 3 && i - last >= 5) {
                count++;
                last = i;
                dip = smooth[i];
            }
        }
        return count;
    }

    /** Several recordings of one speaker as one: their samples one after the other. */
    public static Profile measureAll(java.util.List<short[]> recordings, int sampleRate) {
        int total = recordings.stream().mapToInt(r -> r.length).sum();
        short[] all = new short[total];
        int at = 0;
        for (short[] r : recordings) {
            System.arraycopy(r, 0, all, at, r.length);
            at += r.length;
        }
        return measure(all, sampleRate);
    }
}

package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.lipsync.PhoneTiming;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mandarin tones drawn as they should sound. espeak-ng 1.51 knows each syllable's tone (its transcription carries Chao
 * tone letters: 55, 35, 214, 51) but its audio barely follows them (a falling fourth tone comes out rising), and it
 * applies no third-tone sandhi. Here each syllable's pitch is moved onto its Chao contour around the speaker's own
 * median pitch ({@value #SEMITONES_PER_LEVEL} semitones per tone level, level 3 = the median), after the sandhi rules
 * (third before third becomes second; a third before any other syllable is a half third, 21). Cantonese is left as
 * espeak-ng says it: its six tones come out at their levels and directions (measured), and its voice's irregular
 * (period-doubled) voicing would make a redrawn contour worse, not better.
 */
final class MandarinTones {

    /** A syllable's voiced span in seconds and its contour as Chao levels (1 low .. 5 high). */
    record Syllable(double start, double end, int[] chao) {
        Syllable shifted(double seconds) {
            return new Syllable(start + seconds, end + seconds, chao);
        }
    }

    static final double SEMITONES_PER_LEVEL = 2.2;
    private static final Pattern TONE = Pattern.compile("\\d+");
    private static final String VOWELS = "aeiouyæɑɐɒɔəɘɚɛɜɝɞɤɨɪɯɵøœɶʉʊʌʏAEIOUV@0369";
    private static final String NASALS = "nŋmN";
    private static final double RAMP_SECONDS = 0.02;
    private static final int BRIDGE_FRAMES = 3;
    /** Vowels further apart than this have a pause between them. */
    private static final double PHRASE_GAP_SECONDS = 0.25;

    private MandarinTones() {
    }

    /**
     * Pairs the tones of the transcription with the vowel groups of the phones, in order. When the counts differ (a
     * word espeak spells differently from how it speaks it) nothing is redrawn rather than the wrong syllables.
     */
    static List<Syllable> syllables(List<PhoneTiming> phones, List<String> transcription) {
        List<String> tones = new ArrayList<>();
        for (String clause : transcription) {
            Matcher m = TONE.matcher(clause);
            while (m.find()) {
                tones.add(m.group());
            }
        }
        List<double[]> nuclei = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            if (!vowel(phones.get(i).phone())) {
                continue;
            }
            int j = i;
            while (j + 1 < phones.size() && vowel(phones.get(j + 1).phone())) {
                j++;
            }
            double end = phones.get(j).endSeconds();
            boolean coda = j + 1 < phones.size() && nasal(phones.get(j + 1).phone())
                    && (j + 2 >= phones.size() || !vowel(phones.get(j + 2).phone()));
            if (coda) {
                end = phones.get(j + 1).endSeconds();
            }
            nuclei.add(new double[]{phones.get(i).startSeconds(), end});
            i = j;
        }
        if (nuclei.size() != tones.size() || tones.isEmpty()) {
            return List.of();
        }
        boolean[] phraseEnd = new boolean[tones.size()];
        for (int i = 0; i + 1 < nuclei.size(); i++) {
            phraseEnd[i] = nuclei.get(i + 1)[0] - nuclei.get(i)[1] > PHRASE_GAP_SECONDS;
        }
        sandhi(tones, phraseEnd);
        List<Syllable> out = new ArrayList<>();
        for (int i = 0; i < tones.size(); i++) {
            String tone = tones.get(i);
            int[] chao = new int[Math.max(2, tone.length())];
            for (int k = 0; k < chao.length; k++) {
                chao[k] = Math.max(1, Math.min(5, tone.charAt(Math.min(k, tone.length() - 1)) - '0'));
            }
            out.add(new Syllable(nuclei.get(i)[0], nuclei.get(i)[1], chao));
        }
        return out;
    }

    /** Sandhi applies within a phrase: a pause ({@code phraseEnd}) leaves a third tone whole. */
    static void sandhi(List<String> tones, boolean[] phraseEnd) {
        for (int i = 0; i + 1 < tones.size(); i++) {
            if (phraseEnd[i]) {
                continue;
            }
            if (third(tones.get(i)) && third(tones.get(i + 1))) {
                tones.set(i, "35");
            } else if (third(tones.get(i))) {
                tones.set(i, "21");
            }
        }
    }

    private static boolean third(String tone) {
        return tone.equals("214") || tone.equals("213");
    }

    static short[] apply(short[] samples, int rate, List<Syllable> syllables) {
        double[] f0 = bridge(PitchTracker.track(samples, rate));
        double key = PitchTracker.median(f0);
        if (key <= 0) {
            return samples;
        }
        double[] ratio = new double[f0.length];
        java.util.Arrays.fill(ratio, 1);
        for (int k = 0; k < syllables.size(); k++) {
            Syllable s = syllables.get(k);
            // The tone spans the syllable's whole voiced stretch (a voiced initial such as m included), up to halfway
            // to the neighbouring syllables.
            double lower = k > 0 ? (syllables.get(k - 1).end() + s.start()) / 2 : 0;
            double upper = k + 1 < syllables.size() ? (s.end() + syllables.get(k + 1).start()) / 2 : Double.MAX_VALUE;
            int from = (int) Math.ceil(s.start() / PitchTracker.HOP_SECONDS);
            int to = Math.min(f0.length - 1, (int) Math.floor(s.end() / PitchTracker.HOP_SECONDS));
            while (from > 0 && f0[from - 1] > 0 && (from - 1) * PitchTracker.HOP_SECONDS >= lower) {
                from--;
            }
            while (to + 1 < f0.length && f0[to + 1] > 0 && (to + 1) * PitchTracker.HOP_SECONDS <= upper) {
                to++;
            }
            for (int i = Math.max(0, from); i <= to; i++) {
                if (f0[i] <= 0) {
                    continue;
                }
                double position = to > from ? (i - from) / (double) (to - from) : 0.5;
                double level = contour(s.chao(), position);
                double target = key * Math.pow(2, (level - 3) * SEMITONES_PER_LEVEL / 12);
                double edge = Math.min(i - from, to - i) * PitchTracker.HOP_SECONDS;
                double blend = Math.min(1, (edge + PitchTracker.HOP_SECONDS) / RAMP_SECONDS);
                ratio[i] = Math.pow(target / f0[i], blend);
            }
        }
        double[] smoothed = smooth(ratio);
        return Psola.shift(samples, rate, f0, t -> {
            int i = (int) Math.round(t / PitchTracker.HOP_SECONDS);
            return i >= 0 && i < smoothed.length ? smoothed[i] : 1;
        });
    }

    /**
     * Weakly voiced frames (the decay at a syllable's end, a glottal dip mid-syllable) track as unvoiced; a listener
     * still hears their pitch. Gaps of up to {@value #BRIDGE_FRAMES} frames inside voicing are interpolated and voicing
     * is extended as far at both ends, so the redrawn tone covers the whole syllable.
     */
    static double[] bridge(double[] f0) {
        double[] out = f0.clone();
        for (int i = 0; i < f0.length; i++) {
            if (f0[i] > 0) {
                continue;
            }
            int prev = i - 1;
            while (prev >= 0 && f0[prev] <= 0 && i - prev <= BRIDGE_FRAMES) {
                prev--;
            }
            int next = i + 1;
            while (next < f0.length && f0[next] <= 0 && next - i <= BRIDGE_FRAMES) {
                next++;
            }
            boolean before = prev >= 0 && f0[prev] > 0 && i - prev <= BRIDGE_FRAMES;
            boolean after = next < f0.length && f0[next] > 0 && next - i <= BRIDGE_FRAMES;
            if (before && after) {
                out[i] = f0[prev] + (f0[next] - f0[prev]) * (i - prev) / (double) (next - prev);
            } else if (before || after) {
                out[i] = before ? f0[prev] : f0[next];
            }
        }
        return out;
    }

    /** The Chao level at a position 0..1 through the syllable, linear between the tone letters. */
    static double contour(int[] chao, double position) {
        double x = position * (chao.length - 1);
        int i = (int) Math.min(chao.length - 2, Math.floor(x));
        double frac = x - i;
        return chao[i] + (chao[i + 1] - chao[i]) * frac;
    }

    /** A three-frame median keeps one mistracked frame from jerking the pitch. */
    private static double[] smooth(double[] r) {
        double[] out = r.clone();
        for (int i = 1; i + 1 < r.length; i++) {
            double a = r[i - 1];
            double b = r[i];
            double c = r[i + 1];
            out[i] = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }
        return out;
    }

    private static boolean vowel(String phone) {
        String p = phone.replaceAll("[ˈˌ'ː:,]", "");
        return !p.isEmpty() && VOWELS.indexOf(p.codePointAt(0)) >= 0 && p.codePointAt(0) < 0x10000;
    }

    private static boolean nasal(String phone) {
        return phone.length() == 1 && NASALS.indexOf(phone.charAt(0)) >= 0;
    }
}

package dev.metastudio.emulator.media.speech;

import java.util.List;

/**
 * The engine voices behind each variant of a language and sex, best first: a variant is spoken by its first
 * candidate whose engine is installed. Chosen by measurement on twelve test sentences (Harvard sentences and a
 * product-launch text), scoring intelligibility by the word error rate of a speech recogniser (pocketsphinx, en-us)
 * and voice quality by the aperiodicity of voiced frames:
 * <ul>
 *   <li>Festival's HTS voice slt (female): 24 % WER, aperiodicity 0.037, the most natural English voice in Debian;
 *       Flite's slt (same speaker, older model) 36 %, flatter intonation (3.6 against 5.0 semitones);</li>
 *   <li>Flite's clustergen rms (male) 25 %, aperiodicity 0.052, and awb (Scottish male) 41 %, against Festival's
 *       diphone voices kal 37 % / ked 65 % (aperiodicity 0.12, audibly buzzy) and FreeTTS kevin16 38 % (0.18);</li>
 *   <li>espeak-ng stays for the other languages (88-97 % WER in English: intelligible to people, not to the
 *       recogniser; formant synthesis), with its voice variants for the speaker's sex.</li>
 * </ul>
 * Pitch factors put every voice in its sex's normal range (female median F0 165-255 Hz, male 85-155 Hz; FreeTTS's
 * kevin16 sits at 100 Hz, so its female variants are kevin pitched up, the zero-install fallback) and keep two
 * variants of one sex apart by voice, or by at least a semitone of pitch and 6 % of rate.
 */
final class VoiceCatalogue {

    enum Engine { FESTIVAL, FLITE, FREETTS, ESPEAK }

    /** {@code voice} is the engine's voice name; for espeak-ng the variant suffix ("+f3") only, added to the language's voice. */
    record Candidate(Engine engine, String voice, double pitch, double rate) {
    }

    static final List<List<Candidate>> ENGLISH_FEMALE = List.of(
            List.of(festival(FestivalEngine.SLT_HTS, 1.0, 1.0), flite(FliteEngine.SLT, 1.0, 1.0),
                    freetts(1.9, 1.0)),
            List.of(festival(FestivalEngine.SLT_HTS, 1.14, 0.92), flite(FliteEngine.SLT, 1.14, 0.92),
                    freetts(2.15, 0.92)));

    static final List<List<Candidate>> ENGLISH_MALE = List.of(
            List.of(flite(FliteEngine.RMS, 1.0, 1.0), festival(FestivalEngine.KAL, 1.0, 1.0), freetts(1.1, 1.0)),
            List.of(flite(FliteEngine.AWB, 1.0, 1.0), festival(FestivalEngine.KED, 1.1, 1.0), freetts(1.3, 0.94)),
            List.of(flite(FliteEngine.RMS, 0.94, 0.93), festival(FestivalEngine.KAL, 0.94, 0.93), freetts(0.95, 0.93)),
            List.of(flite(FliteEngine.RMS, 1.2, 1.07), festival(FestivalEngine.KED, 1.15, 1.07), freetts(1.22, 1.07)));

    /** espeak-ng's female and male variants with their natural median F0 at pitch 50 (measured, Mandarin text). */
    private static final String[] FEMALE_VARIANTS = {"f3", "f2", "f5", "f1", "f4"};
    private static final double[] FEMALE_F0 = {178, 168, 182, 158, 158};
    private static final String[] MALE_VARIANTS = {"m3", "m1", "m2", "m5", "m6", "m7", "m4"};
    private static final double[] MALE_F0 = {90, 82, 91, 88, 89, 89, 79};
    private static final double[] RATES = {1.0, 0.93, 1.07};

    private VoiceCatalogue() {
    }

    static List<Candidate> english(Sex sex, int variant) {
        List<List<Candidate>> list = sex == Sex.FEMALE ? ENGLISH_FEMALE : ENGLISH_MALE;
        return list.get(Math.floorMod(Math.max(variant, 1) - 1, list.size()));
    }

    /**
     * The n-th espeak-ng voice of a sex: the variants in turn, each round at another rate and each at its own target
     * pitch (female 172-215 Hz, male 94-125 Hz at espeak's calibration; the measured medians come out about 13 % higher,
     * 190-245 and 105-145 Hz, inside the sexes' normal ranges).
     */
    static Candidate espeak(Sex sex, int variant) {
        int i = Math.max(variant, 1) - 1;
        if (sex == Sex.UNKNOWN) {
            return new Candidate(Engine.ESPEAK, "", 1.0, 1.0);
        }
        boolean female = sex == Sex.FEMALE;
        String[] variants = female ? FEMALE_VARIANTS : MALE_VARIANTS;
        double[] natural = female ? FEMALE_F0 : MALE_F0;
        int v = i % variants.length;
        int round = i / variants.length;
        double target = female ? 172 + (i * 29 + 13) % 44 : 94 + (i * 13 + 7) % 32;
        return new Candidate(Engine.ESPEAK, "+" + variants[v], target / natural[v], RATES[round % RATES.length]);
    }

    private static Candidate festival(String voice, double pitch, double rate) {
        return new Candidate(Engine.FESTIVAL, voice, pitch, rate);
    }

    private static Candidate flite(String voice, double pitch, double rate) {
        return new Candidate(Engine.FLITE, voice, pitch, rate);
    }

    private static Candidate freetts(double pitch, double rate) {
        return new Candidate(Engine.FREETTS, FreeTtsEngine.KEVIN, pitch, rate);
    }
}

package dev.metastudio.emulator.media.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The speaker measures voice modeling learns from: median F0, loudness, spoken time and syllable rate. */
class SpeakerAnalysisTest {

    /** A voiced buzz at {@code f0} with five harmonics, amplitude-modulated into syllables, with pauses. */
    static short[] syllables(double f0, double syllablesPerSecond, double seconds, double amplitude, int rate) {
        short[] out = new short[(int) (seconds * rate)];
        for (int i = 0; i < out.length; i++) {
            double t = i / (double) rate;
            double tone = 0;
            for (int h = 1; h <= 5; h++) {
                tone += Math.sin(2 * Math.PI * f0 * h * t) / h;
            }
            double envelope = Math.pow(Math.abs(Math.sin(Math.PI * syllablesPerSecond * t)), 2);
            // A pause of 0.5 s every 2 s, as between phrases.
            boolean pause = (t % 2.0) > 1.5;
            out[i] = (short) (pause ? 0 : amplitude * 32767 * envelope * tone / 1.5);
        }
        return out;
    }

    @Test
    void highAndLowVoicesAreMeasuredWhereTheyAre() {
        SpeakerAnalysis.Profile high = SpeakerAnalysis.measure(syllables(262, 4, 6, 0.5, 16_000), 16_000);
        SpeakerAnalysis.Profile low = SpeakerAnalysis.measure(syllables(98, 4, 6, 0.5, 16_000), 16_000);
        assertThat(high.medianF0()).isCloseTo(262, within(262 * 0.03));
        assertThat(low.medianF0()).isCloseTo(98, within(98 * 0.03));
    }

    @Test
    void pausesAreNotSpokenTimeAndSyllablesAreCounted() {
        SpeakerAnalysis.Profile p = SpeakerAnalysis.measure(syllables(180, 4, 8, 0.5, 16_000), 16_000);
        assertThat(p.durationSeconds()).isCloseTo(8, within(0.01));
        // 1.5 s of every 2 s is voiced, and the envelope's quiet ends count as pauses: well under 6 s.
        assertThat(p.speechSeconds()).isBetween(3.0, 6.1);
        // 4 syllables per second of the 6 voiced seconds: 24 syllables in all.
        assertThat(p.syllablesPerSecond() * p.speechSeconds()).isCloseTo(24, within(3.0));
    }

    @Test
    void loudnessFollowsTheAmplitude() {
        SpeakerAnalysis.Profile loud = SpeakerAnalysis.measure(syllables(180, 4, 4, 0.8, 16_000), 16_000);
        SpeakerAnalysis.Profile quiet = SpeakerAnalysis.measure(syllables(180, 4, 4, 0.08, 16_000), 16_000);
        assertThat(loud.loudnessDb() - quiet.loudnessDb()).isCloseTo(20, within(1.5));
        assertThat(loud.loudnessDb()).isBetween(-15.0, 0.0);
    }

    @Test
    void silenceHasNoVoice() {
        SpeakerAnalysis.Profile p = SpeakerAnalysis.measure(new short[16_000], 16_000);
        assertThat(p.medianF0()).isZero();
    }
}

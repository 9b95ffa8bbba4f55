package dev.metastudio.emulator.media.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained timbre's own pitch, rate and gain factors (voice modeling) act on the engine voice as the request's
 * pitch, speed and volume do, and on top of them. Measured with the probe's own autocorrelation pitch tracker.
 */
class TunedVoiceTest {
    static final String TEXT = "Guten Morgen, heute scheint die Sonne und wir gehen in den Park.";

    @TempDir
    Path dir;

    @BeforeAll
    static void engines() {
        SpeechProbe.requireEspeak();
    }

    static double rms(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }

    @Test
    void pitchRateAndGainFactorsCarryOver() throws Exception {
        Voice plain = Voice.of("GER", Sex.FEMALE);
        SpeechProbe.Spoken base = SpeechProbe.speak(dir, TEXT, plain, VoiceSettings.DEFAULT);
        SpeechProbe.Spoken higher = SpeechProbe.speak(dir, TEXT, plain.tuned(1.4, 1, 1), VoiceSettings.DEFAULT);
        SpeechProbe.Spoken faster = SpeechProbe.speak(dir, TEXT, plain.tuned(1, 1.5, 1), VoiceSettings.DEFAULT);
        SpeechProbe.Spoken quieter = SpeechProbe.speak(dir, TEXT, plain.tuned(1, 1, 0.5), VoiceSettings.DEFAULT);
        double f0 = SpeechProbe.medianF0(base.samples());
        assertThat(SpeechProbe.medianF0(higher.samples()) / f0).isCloseTo(1.4, within(0.1));
        assertThat(base.seconds() / faster.seconds()).isCloseTo(1.5, within(0.2));
        assertThat(rms(quieter.samples()) / rms(base.samples())).isCloseTo(0.5, within(0.05));
        // On top of the request's own pitch: 1.4 x 0.8.
        SpeechProbe.Spoken both = SpeechProbe.speak(dir, TEXT, plain.tuned(1.4, 1, 1), new VoiceSettings(100, 80, 140));
        assertThat(SpeechProbe.medianF0(both.samples()) / f0).isCloseTo(1.12, within(0.1));
        assertThat(Files.list(dir).count()).isPositive();
    }
}

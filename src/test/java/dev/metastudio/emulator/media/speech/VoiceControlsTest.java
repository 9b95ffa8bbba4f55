package dev.metastudio.emulator.media.speech;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * voice_config's speed, pitch and volume (50-200, 50-200, 90-240) change the real output of every engine
 * measurably and monotonically: speech time by the speed factor, median F0 by the pitch factor, RMS by the volume.
 */
class VoiceControlsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> engines() {
        return Stream.of(
                Arguments.of("festival", Voice.of("EN", Sex.FEMALE), "Please remember to bring your notebook to the "
                        + "meeting on Monday morning."),
                Arguments.of("flite", Voice.of("EN", Sex.MALE), "Please remember to bring your notebook to the "
                        + "meeting on Monday morning."),
                Arguments.of("freetts", Voice.of("EN", Sex.MALE), "Please remember to bring your notebook to the "
                        + "meeting on Monday morning."),
                Arguments.of("espeak-ng", Voice.of("CN", Sex.FEMALE), "请记得在星期一早上带着你的笔记本来开会。"));
    }

    private SpeechEngines engines(String engine) throws Exception {
        switch (engine) {
            case "festival" -> SpeechProbe.requireFestival();
            case "flite" -> SpeechProbe.requireFlite();
            case "espeak-ng" -> SpeechProbe.requireEspeak();
            default -> {
                return SpeechEngines.of(null, "/nonexistent/festival", "/nonexistent/flite");
            }
        }
        // Flite out of the way for the female voice shows Festival's own behaviour, and the other way round.
        return engine.equals("flite") ? SpeechEngines.of(null, "/nonexistent/festival", null) : SpeechProbe.INSTALLED;
    }

    private SpeechProbe.Spoken speak(String engine, Voice voice, String text, int speed, int pitch, int volume)
            throws Exception {
        SpeechProbe.Spoken s = SpeechProbe.speak(engines(engine), dir, text, voice,
                new VoiceSettings(speed, pitch, volume));
        assertThat(s.track().voice()).startsWith(engine + ":");
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void speedScalesTheSpeakingTime(String engine, Voice voice, String text) throws Exception {
        double slow = SpeechProbe.speakingSeconds(speak(engine, voice, text, 50, 100, 140).samples());
        double normal = SpeechProbe.speakingSeconds(speak(engine, voice, text, 100, 100, 140).samples());
        double fast = SpeechProbe.speakingSeconds(speak(engine, voice, text, 200, 100, 140).samples());
        System.out.printf("%s speed 50/100/200: %.2f / %.2f / %.2f s, 50:200 = %.2f%n", engine, slow, normal, fast,
                slow / fast);
        assertThat(slow).isGreaterThan(normal);
        assertThat(normal).isGreaterThan(fast);
        // Speed 50 against 200 is a factor of 4 in pace; pauses between phrases scale too, only less exactly.
        assertThat(slow / fast).isBetween(3.0, 5.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void pitchScalesTheMedianF0(String engine, Voice voice, String text) throws Exception {
        int[] pitches = {50, 75, 100, 150, 200};
        double[] f0 = new double[pitches.length];
        for (int i = 0; i < pitches.length; i++) {
            f0[i] = SpeechProbe.medianF0(speak(engine, voice, text, 100, pitches[i], 140).samples());
        }
        System.out.printf("%s pitch 50/75/100/150/200: %.0f / %.0f / %.0f / %.0f / %.0f Hz%n", engine, f0[0], f0[1],
                f0[2], f0[3], f0[4]);
        for (int i = 1; i < f0.length; i++) {
            assertThat(f0[i]).as("F0 at pitch %d above pitch %d", pitches[i], pitches[i - 1]).isGreaterThan(f0[i - 1]);
        }
        assertThat(f0[4] / f0[2]).as("pitch 200 against 100").isBetween(1.7, 2.3);
        assertThat(f0[2] / f0[0]).as("pitch 100 against 50").isBetween(1.7, 2.3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void volumeScalesTheLoudness(String engine, Voice voice, String text) throws Exception {
        double quiet = SpeechProbe.rms(speak(engine, voice, text, 100, 100, 90).samples());
        double normal = SpeechProbe.rms(speak(engine, voice, text, 100, 100, 140).samples());
        double loud = SpeechProbe.rms(speak(engine, voice, text, 100, 100, 240).samples());
        System.out.printf("%s volume 90/140/240: RMS %.0f / %.0f / %.0f%n", engine, quiet, normal, loud);
        assertThat(quiet).isLessThan(normal);
        assertThat(normal).isLessThan(loud);
        assertThat(quiet / normal).isBetween(0.6, 0.68);
        // Peaks above 80 % of full scale are rounded off, so the loudest setting gains a little less than 240/140.
        assertThat(loud / normal).isBetween(1.4, 1.72);
    }
}

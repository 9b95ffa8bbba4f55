package dev.metastudio.emulator.media.lipsync;

import dev.metastudio.emulator.media.MediaTestSupport;
import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.SpeechProbe;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhonemeLipSyncTest {

    private static final double FRAME = 0.04;

    @TempDir
    Path dir;

    private static PhoneTiming arpa(String phone, double start, double end) {
        return new PhoneTiming(phone, PhoneVisemes.arpabet(phone), start, end);
    }

    @Test
    void aBilabialShorterThanAFrameStillClosesTheLips() {
        // "a b a": the /b/ lies between two frame centres (0.06 and 0.10), so the plain reading never shows it.
        List<PhoneTiming> phones = List.of(arpa("aa", 0.0, 0.065), arpa("b", 0.065, 0.095), arpa("aa", 0.095, 0.3));
        assertThat(PhonemeLipSync.reference(phones, 8)).doesNotContain(Viseme.A);
        Viseme[] v = PhonemeLipSync.track(phones, 8);
        assertThat(v).contains(Viseme.A);
        assertThat(v[1] == Viseme.A || v[2] == Viseme.A).isTrue();
    }

    @Test
    void longPausesRestAndShortOnesDoNot() {
        List<PhoneTiming> phones = List.of(arpa("aa", 0.0, 0.4), arpa("pau", 0.4, 0.6), arpa("aa", 0.6, 1.0),
                arpa("pau", 1.0, 1.1), arpa("aa", 1.1, 1.5));
        Viseme[] v = PhonemeLipSync.track(phones, 40);
        // 200 ms pause: every frame whose centre lies in it rests.
        for (int f = 10; f < 15; f++) {
            assertThat(v[f]).as("frame %d", f).isEqualTo(Viseme.X);
        }
        // 100 ms pause: the mouth relaxes but does not close to rest.
        assertThat(List.of(v[25], v[26])).doesNotContain(Viseme.X);
        // After the last sound it rests.
        assertThat(v[38]).isEqualTo(Viseme.X);
    }

    @Test
    void roundingStartsBeforeTheRoundedVowel() {
        // "s uw": the lips round during the /s/ already.
        List<PhoneTiming> phones = List.of(arpa("pau", 0, 0.2), arpa("s", 0.2, 0.4), arpa("uw", 0.4, 0.7));
        Viseme[] v = PhonemeLipSync.track(phones, 20);
        // Frame 5 (centre 0.22 s) is well before the vowel; frame 8 (0.34 s) within the 120 ms lead.
        assertThat(v[5]).isEqualTo(Viseme.B);
        assertThat(v[8]).isEqualTo(Viseme.F);
        assertThat(v[12]).isEqualTo(Viseme.F);
    }

    @Test
    void ipaPhonesOfAnyLanguageMapToShapes() {
        assertThat(PhoneVisemes.ipa("m")).isEqualTo(Viseme.A);
        assertThat(PhoneVisemes.ipa("ɑ")).isEqualTo(Viseme.D);
        assertThat(PhoneVisemes.ipa("uː")).isEqualTo(Viseme.F);
        assertThat(PhoneVisemes.ipa("f")).isEqualTo(Viseme.G);
        assertThat(PhoneVisemes.ipa("l")).isEqualTo(Viseme.H);
        assertThat(PhoneVisemes.ipa("tɕh")).isEqualTo(Viseme.B);
        assertThat(PhoneVisemes.ipa("_:")).isEqualTo(Viseme.X);
        assertThat(PhoneVisemes.arpabet("ow1")).isEqualTo(Viseme.F);
        assertThat(PhoneVisemes.arpabet("pau")).isEqualTo(Viseme.X);
    }

    /**
     * The real engines: every /p b m/ they report closes the mouth in a frame it overlaps; breaks rest, still; the
     * opening follows the sound's envelope.
     */
    @ParameterizedTest
    @ValueSource(strings = {"festival", "flite", "espeak-ng"})
    void phoneTimingFromTheEngineDrivesTheMouth(String engine) throws Exception {
        Voice voice;
        String text;
        switch (engine) {
            case "festival" -> {
                SpeechProbe.requireFestival();
                voice = Voice.of("EN", Sex.FEMALE);
                text = "<speak>Bob bought a map for my mom.<break time=\"1s\"/>Please be patient, Pam.</speak>";
            }
            case "flite" -> {
                SpeechProbe.requireFlite();
                voice = Voice.of("EN", Sex.MALE);
                text = "<speak>Bob bought a map for my mom.<break time=\"1s\"/>Please be patient, Pam.</speak>";
            }
            default -> {
                SpeechProbe.requireEspeak();
                voice = Voice.of("CN", Sex.FEMALE);
                text = "<speak>爸爸买了面包。<break time=\"1s\"/>妈妈不忙。</speak>";
            }
        }
        SpeechProbe.Spoken s = SpeechProbe.speak(dir, text, voice, VoiceSettings.DEFAULT);
        assertThat(s.track().voice()).startsWith(engine + ":");
        List<PhoneTiming> phones = s.track().phones();
        int frames = (int) Math.ceil(s.seconds() / FRAME);
        MouthTrack mouth = s.track().visemes(frames);
        Viseme[] v = mouth.shapes();
        double[] open = mouth.openness();
        List<PhoneTiming> bilabials = new ArrayList<>(phones.stream().filter(p -> p.shape() == Viseme.A).toList());
        assertThat(bilabials).hasSizeGreaterThanOrEqualTo(6);
        for (PhoneTiming b : bilabials) {
            int first = (int) Math.floor(b.startSeconds() / FRAME);
            int last = (int) Math.min(frames - 1, Math.floor(b.endSeconds() / FRAME));
            boolean closed = false;
            for (int f = first; f <= last; f++) {
                closed |= v[f] == Viseme.A && open[f] == 0;
            }
            assertThat(closed).as("lips closed for %s at %.2f s", b.phone(), b.startSeconds()).isTrue();
        }
        // The break: a second of silence in which the mouth rests and does not move.
        double silence = 0;
        int restRun = 0;
        int longestRest = 0;
        for (int f = 0; f < frames; f++) {
            restRun = v[f] == Viseme.X && open[f] == 0 ? restRun + 1 : 0;
            longestRest = Math.max(longestRest, restRun);
        }
        silence = SpeechProbe.longestSilence(s.samples());
        assertThat(silence).isGreaterThanOrEqualTo(0.9);
        assertThat(longestRest * FRAME).isGreaterThanOrEqualTo(0.9);
        // And it is the phones, not the loudness, that shape the mouth: most frames show what the phone says.
        Viseme[] reference = PhonemeLipSync.reference(phones, frames);
        int same = 0;
        for (int f = 0; f < frames; f++) {
            same += v[f] == reference[f] ? 1 : 0;
        }
        assertThat(same / (double) frames).isGreaterThan(0.75);
        // While the loudness opens the jaw within each shape's range. These sentences close the lips a dozen times
        // on loud vowels' edges and hummed /m/s, so they measure lower than the benchmark sentence (0.86 to 0.93,
        // bench/speech.sh): 0.76 (Festival), 0.78 (Flite), 0.92 (espeak-ng); each shape's nominal opening alone
        // gives about 0.5.
        double[] envelope = new double[frames];
        for (int f = 0; f < frames; f++) {
            int from = Math.min(s.samples().length, f * 1920);
            envelope[f] = MediaTestSupport.rms(s.samples(), from, Math.min(s.samples().length, from + 1920));
        }
        assertThat(MediaTestSupport.pearson(open, envelope)).as("opening against the envelope").isGreaterThan(0.7);
    }
}

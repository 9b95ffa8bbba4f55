package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mandarin and Cantonese tones measured on the output: each syllable's pitch from its vowel's start to its end
 * (the vowels found through the phones the engine reports), in semitones.
 */
class ChineseTonesTest {

    @TempDir
    Path dir;

    /** Start and end pitch (semitones re 100 Hz, medians of the first and last third) and median of each syllable. */
    private List<double[]> contours(String text, String language, Sex sex) throws Exception {
        SpeechProbe.requireEspeak();
        // A little slower than normal: longer syllables give the tracker enough voiced frames of each contour (espeak-ng's
        // voicing varies from call to call, so a syllable of a few frames could be missed).
        SpeechProbe.Spoken s = SpeechProbe.speak(dir, text, Voice.of(language, sex), new VoiceSettings(75, 100, 140));
        List<double[]> out = new ArrayList<>();
        List<PhoneTiming> phones = s.track().phones();
        // A syllable: the phones between two of espeak's word boundaries (each Han character is a word).
        List<double[]> spans = new ArrayList<>();
        double start = -1;
        for (int i = 0; i <= phones.size(); i++) {
            boolean boundary = i == phones.size() || phones.get(i).pause();
            if (boundary && start >= 0) {
                spans.add(new double[]{start, phones.get(i - 1).endSeconds()});
                start = -1;
            } else if (!boundary && start < 0) {
                start = phones.get(i).startSeconds();
            }
        }
        for (int k = 0; k < spans.size(); k++) {
            double next = k + 1 < spans.size() ? spans.get(k + 1)[0] : Double.MAX_VALUE;
            int from = (int) (spans.get(k)[0] * Pcm.SAMPLE_RATE);
            int to = (int) (Math.min(spans.get(k)[1] + 0.08, next) * Pcm.SAMPLE_RATE);
            to = Math.min(s.samples().length, to);
            double[] st = Arrays.stream(SpeechProbe.f0Track(s.samples(), from, to)).filter(v -> v > 0)
                    .map(v -> 12 * Math.log(v / 100) / Math.log(2)).toArray();
            if (st.length < 6) {
                continue;
            }
            // A frame tracked an octave off (irregular voicing) is folded back towards the syllable's median.
            double median = median(st);
            for (int i = 0; i < st.length; i++) {
                st[i] -= 12 * Math.round((st[i] - median) / 12);
            }
            int q = Math.max(2, st.length / 3);
            out.add(new double[]{median(Arrays.copyOfRange(st, 0, q)),
                    median(Arrays.copyOfRange(st, st.length - q, st.length)), median(st)});
        }
        return out;
    }

    private static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void mandarinTonesHaveTheirContours() throws Exception {
        for (Sex sex : List.of(Sex.FEMALE, Sex.MALE)) {
            // mā má mǎ mà, each its own phrase so no sandhi applies.
            List<double[]> t = contours("妈。麻。马。骂。", "CN", sex);
            t.forEach(c -> System.out.printf("%s mandarin %.1f -> %.1f st (median %.1f)%n", sex, c[0], c[1], c[2]));
            assertThat(t).hasSize(4);
            double key = t.stream().mapToDouble(c -> c[2]).average().orElse(0);
            assertThat(Math.abs(t.get(0)[1] - t.get(0)[0])).as(sex + " tone 1 is level").isLessThan(1.5);
            assertThat(t.get(0)[2]).as(sex + " tone 1 is high").isGreaterThan(key);
            assertThat(t.get(1)[1] - t.get(1)[0]).as(sex + " tone 2 rises").isGreaterThan(2.0);
            assertThat(t.get(2)[2]).as(sex + " tone 3 is the lowest").isLessThan(Math.min(t.get(0)[2], t.get(3)[2]));
            // Measured: female about -5 st, male about -2 st (espeak's low male voicing near the end of the fall is
            // irregular, and the shift follows it less well).
            assertThat(t.get(3)[1] - t.get(3)[0]).as(sex + " tone 4 falls").isLessThan(sex == Sex.FEMALE ? -3.0 : -1.5);
        }
    }

    @Test
    void mandarinThirdToneSandhi() throws Exception {
        // 你好: two third tones, the first read as a second (rising), the last stays low.
        List<double[]> t = contours("你好", "CN", Sex.FEMALE);
        assertThat(t).hasSize(2);
        assertThat(t.get(0)[1] - t.get(0)[0]).as("ni rises").isGreaterThan(1.0);
    }

    @Test
    void cantoneseTonesKeepTheirLevels() throws Exception {
        // 詩 si1 (high level), 史 si2 (high rising), 試 si3 (mid level), 時 si4 (low falling), 市 si5 (low rising),
        // 事 si6 (low level).
        List<double[]> t = contours("詩，史，試，時，市，事。", "YY", Sex.FEMALE);
        t.forEach(c -> System.out.printf("cantonese %.1f -> %.1f st (median %.1f)%n", c[0], c[1], c[2]));
        assertThat(t).hasSize(6);
        assertThat(t.get(0)[2]).as("si1 above si3").isGreaterThan(t.get(2)[2]);
        assertThat(t.get(2)[2]).as("si3 above si6").isGreaterThan(t.get(5)[2]);
        assertThat(t.get(1)[1] - t.get(1)[0]).as("si2 rises").isGreaterThan(1.0);
        assertThat(t.get(4)[1] - t.get(4)[0]).as("si5 rises").isGreaterThan(1.0);
        assertThat(t.get(3)[1]).as("si4 ends lowest").isLessThan(t.get(5)[2]);
    }
}

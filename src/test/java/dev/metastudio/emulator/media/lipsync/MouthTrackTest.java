package dev.metastudio.emulator.media.lipsync;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How far the mouth opens, frame by frame: the shape's range scaled by loudness, with exact closures. */
class MouthTrackTest {

    private static PhoneTiming arpa(String phone, double start, double end) {
        return new PhoneTiming(phone, PhoneVisemes.arpabet(phone), start, end);
    }

    private static MouthTrack mouth(List<PhoneTiming> phones, double[] db) {
        return MouthTrack.of(PhonemeLipSync.track(phones, db.length), db);
    }

    private static double[] constant(int frames, double db) {
        double[] d = new double[frames];
        Arrays.fill(d, db);
        return d;
    }

    @Test
    void aLoudBilabialStillClosesTheLips() {
        // "a m a" with the /m/ as loud as the vowels (a hummed nasal): the lips are shut all the same.
        List<PhoneTiming> phones = List.of(arpa("aa", 0.0, 0.2), arpa("m", 0.2, 0.28), arpa("aa", 0.28, 0.6));
        MouthTrack m = mouth(phones, constant(15, -12));
        assertThat(m.shape(5)).isEqualTo(Viseme.A);
        assertThat(m.shape(6)).isEqualTo(Viseme.A);
        assertThat(m.openness(5)).isZero();
        assertThat(m.openness(6)).isZero();
        assertThat(m.openness(3)).isGreaterThan(0.8);
        assertThat(m.openness(10)).isGreaterThan(0.8);
    }

    @Test
    void aBilabialShorterThanAFrameClosesTheLipsInTheFrameItOverlapsMost() {
        List<PhoneTiming> phones = List.of(arpa("aa", 0.0, 0.065), arpa("b", 0.065, 0.095), arpa("aa", 0.095, 0.3));
        MouthTrack m = mouth(phones, constant(8, -12));
        assertThat(m.openness(1)).isZero();
        assertThat(m.openness(0)).isPositive();
        assertThat(m.openness(3)).isPositive();
    }

    @Test
    void everyPauseLongerThan150MsClosesTheMouthEvenWithNoiseInIt() {
        // Breath noise at -40 dBFS in both pauses: loud enough to open a mouth that followed loudness alone.
        List<PhoneTiming> phones = List.of(arpa("aa", 0.0, 0.4), arpa("pau", 0.4, 0.6), arpa("aa", 0.6, 1.0),
                arpa("pau", 1.0, 1.1), arpa("aa", 1.1, 1.5));
        double[] db = constant(40, -12);
        Arrays.fill(db, 10, 15, -40);
        Arrays.fill(db, 25, 27, -40);
        MouthTrack m = mouth(phones, db);
        for (int f = 10; f < 15; f++) {
            assertThat(m.openness(f)).as("frame %d of the 200 ms pause", f).isZero();
            assertThat(m.shape(f)).isEqualTo(Viseme.X);
        }
        // 100 ms: relaxed (B), not shut, and barely open.
        assertThat(m.shape(25)).isEqualTo(Viseme.B);
        assertThat(m.openness(26)).isLessThan(0.2);
        // After the last sound.
        assertThat(m.openness(38)).isZero();
    }

    @Test
    void nothingMovesInSilence() {
        // Phones over silence (an engine reporting segments for a muted clip): neither shape nor opening changes.
        List<PhoneTiming> phones = List.of(arpa("aa", 0.0, 0.4), arpa("iy", 0.4, 0.8), arpa("ow", 0.8, 1.2));
        MouthTrack m = mouth(phones, constant(30, -100));
        for (int f = 0; f < 30; f++) {
            assertThat(m.openness(f)).as("frame %d", f).isZero();
            assertThat(m.shape(f)).as("frame %d", f).isEqualTo(Viseme.X);
        }
        // Past the track the mouth rests.
        assertThat(m.shape(30)).isEqualTo(Viseme.X);
        assertThat(m.openness(30)).isZero();
    }

    @Test
    void theOpeningFollowsTheLoudnessWithinTheShapesRange() {
        // One long /aa/ whose loudness rises and falls over 8 dB steps: the opening rises and falls with it.
        List<PhoneTiming> phones = List.of(arpa("aa", 0.0, 2.0));
        double[] db = new double[50];
        double[] envelope = new double[50];
        for (int f = 0; f < 50; f++) {
            db[f] = -36 + 24 * Math.abs(Math.sin(Math.PI * f / 25.0));
            envelope[f] = Math.pow(10, db[f] / 20);
        }
        MouthTrack m = mouth(phones, db);
        assertThat(pearson(m.openness(), envelope)).isGreaterThan(0.95);
        double[] open = m.openness();
        assertThat(Arrays.stream(open).max().orElseThrow()).isGreaterThan(0.8).isLessThanOrEqualTo(Viseme.D.opening());
        assertThat(open[12]).isGreaterThan(3 * open[1]);
    }

    @Test
    void aRoundedVowelOpensLessThanAnOpenOneAtTheSameLoudness() {
        MouthTrack open = mouth(List.of(arpa("aa", 0.0, 0.4)), constant(10, -12));
        MouthTrack rounded = mouth(List.of(arpa("uw", 0.0, 0.4)), constant(10, -12));
        MouthTrack teeth = mouth(List.of(arpa("iy", 0.0, 0.4)), constant(10, -12));
        assertThat(rounded.openness(5)).isLessThan(open.openness(5));
        assertThat(teeth.openness(5)).isLessThan(open.openness(5));
    }

    @Test
    void theJawOpensFastAndClosesSlower() {
        // A vowel that jumps from soft to loud and back: one frame covers most of the way up, less of the way down.
        List<PhoneTiming> phones = List.of(arpa("aa", 0.0, 1.2));
        double[] db = constant(30, -30);
        Arrays.fill(db, 10, 20, -6);
        MouthTrack m = mouth(phones, db);
        double low = m.openness(9);
        double high = m.openness(19);
        double up = (m.openness(10) - low) / (high - low);
        double down = (high - m.openness(20)) / (high - low);
        assertThat(up).isGreaterThan(0.85);
        assertThat(down).isBetween(0.5, up);
        // ... and has settled a few frames later.
        assertThat(m.openness(24)).isCloseTo(low, org.assertj.core.api.Assertions.within(0.01));
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }
}

package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.audio.Pcm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the speech tests measure on real engine output: pitch with a plain normalised-autocorrelation tracker (a
 * different method from the product's YIN tracker, so the product does not grade itself), loudness, the speaking span
 * and the longest silence. Also the engine checks: a test whose engine is missing fails and says what to install.
 */
public final class SpeechProbe {

    /** The engines as installed on PATH (espeak-ng included). */
    public static final SpeechEngines INSTALLED = SpeechEngines.onPath(null);

    private SpeechProbe() {
    }

    public static void requireFestival() throws MediaException {
        assertThat(INSTALLED.festival().available()).as("Festival is missing: " + FestivalEngine.INSTALL_HINT).isTrue();
        assertThat(INSTALLED.festival().voices())
                .as("Festival voices are missing: " + FestivalEngine.INSTALL_HINT)
                .contains(FestivalEngine.SLT_HTS, FestivalEngine.KAL, FestivalEngine.KED);
    }

    public static void requireFlite() {
        assertThat(INSTALLED.flite().available()).as("Flite is missing: " + FliteEngine.INSTALL_HINT).isTrue();
    }

    public static void requireEspeak() {
        assertThat(INSTALLED.espeak().available()).as("espeak-ng is missing: " + EspeakEngine.INSTALL_HINT).isTrue();
        assertThat(EspeakEngine.reportsPhones())
                .as("libespeak-ng cannot be loaded (it comes with espeak-ng): " + EspeakEngine.INSTALL_HINT).isTrue();
    }

    /** Synthesizes with the installed engines; returns the track and its samples (48 kHz). */
    public record Spoken(SpeechTrack track, short[] samples) {
        public double seconds() {
            return samples.length / (double) Pcm.SAMPLE_RATE;
        }
    }

    public static Spoken speak(Path dir, String text, Voice voice, VoiceSettings settings) throws Exception {
        return speak(INSTALLED, dir, text, voice, settings);
    }

    public static Spoken speak(SpeechEngines engines, Path dir, String text, Voice voice, VoiceSettings settings)
            throws Exception {
        Path pcm = Files.createTempFile(dir, "speech-", ".pcm");
        BooleanSupplier never = () -> false;
        SpeechTrack track = new SpeechSynthesizer(engines).synthesize(text, voice, settings, pcm, never);
        return new Spoken(track, read(pcm));
    }

    public static short[] read(Path pcm) throws IOException {
        byte[] b = Files.readAllBytes(pcm);
        short[] s = new short[b.length / 2];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        return s;
    }

    /** Median F0 in Hz of the voiced 40 ms frames of 48 kHz speech (0 if none is voiced). */
    public static double medianF0(short[] samples) {
        double[] f0 = f0Track(samples, 0, samples.length);
        double[] voiced = Arrays.stream(f0).filter(v -> v > 0).sorted().toArray();
        return voiced.length == 0 ? 0 : voiced[voiced.length / 2];
    }

    /**
     * F0 every 10 ms between two sample positions: the lag of the highest normalised autocorrelation in 40-500 Hz on a
     * 12 kHz copy, voiced when that peak exceeds 0.6 and the frame is within 30 dB of the loudest.
     */
    public static double[] f0Track(short[] samples, int from, int to) {
        int factor = 4;
        int rate = Pcm.SAMPLE_RATE / factor;
        double[] x = new double[(to - from) / factor];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = 0; k < factor; k++) {
                s += samples[from + i * factor + k];
            }
            x[i] = s / factor;
        }
        int window = rate * 40 / 1000;
        int hop = rate / 100;
        int minLag = rate / 500;
        int maxLag = rate / 40;
        int frames = Math.max(0, (x.length - window - maxLag) / hop);
        double[] energy = new double[frames];
        double loudest = 0;
        for (int f = 0; f < frames; f++) {
            for (int i = f * hop; i < f * hop + window; i++) {
                energy[f] += x[i] * x[i];
            }
            loudest = Math.max(loudest, energy[f]);
        }
        double[] f0 = new double[frames];
        for (int f = 0; f < frames; f++) {
            if (energy[f] < loudest * 1e-3) {
                continue;
            }
            int s = f * hop;
            double best = 0;
            int bestLag = 0;
            for (int lag = minLag; lag <= maxLag; lag++) {
                double num = 0;
                double e2 = 0;
                for (int i = s; i < s + window; i++) {
                    num += x[i] * x[i + lag];
                    e2 += x[i + lag] * x[i + lag];
                }
                double r = num / Math.sqrt(energy[f] * e2 + 1e-9);
                if (r > best) {
                    best = r;
                    bestLag = lag;
                }
            }
            // Prefer the shortest lag whose correlation is nearly as high (a subharmonic is not the pitch).
            for (int div = 4; div >= 2; div--) {
                int lag = Math.round(bestLag / (float) div);
                if (lag >= minLag && correlation(x, s, window, lag) > 0.9 * best) {
                    bestLag = lag;
                    break;
                }
            }
            if (best > 0.6) {
                f0[f] = rate / (double) bestLag;
            }
        }
        return f0;
    }

    private static double correlation(double[] x, int s, int window, int lag) {
        double num = 0;
        double a = 0;
        double b = 0;
        for (int i = s; i < s + window; i++) {
            num += x[i] * x[i + lag];
            a += x[i] * x[i];
            b += x[i + lag] * x[i + lag];
        }
        return num / Math.sqrt(a * b + 1e-9);
    }

    public static double rms(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / Math.max(1, s.length));
    }

    /** Seconds from the first to the last sample louder than -40 dBFS: the speaking, without the engines' padding. */
    public static double speakingSeconds(short[] s) {
        int first = 0;
        while (first < s.length && Math.abs(s[first]) < 328) {
            first++;
        }
        int last = s.length - 1;
        while (last > first && Math.abs(s[last]) < 328) {
            last--;
        }
        return (last - first) / (double) Pcm.SAMPLE_RATE;
    }

    /** The longest stretch in seconds where 10 ms blocks stay below -50 dBFS RMS. */
    public static double longestSilence(short[] s) {
        int block = Pcm.SAMPLE_RATE / 100;
        int run = 0;
        int longest = 0;
        for (int b = 0; b + block <= s.length; b += block) {
            double sum = 0;
            for (int i = b; i < b + block; i++) {
                sum += (double) s[i] * s[i];
            }
            boolean silent = Math.sqrt(sum / block) < 104;
            run = silent ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest / 100.0;
    }
}

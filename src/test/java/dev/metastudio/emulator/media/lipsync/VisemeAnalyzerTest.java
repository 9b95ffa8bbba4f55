package dev.metastudio.emulator.media.lipsync;

import dev.metastudio.emulator.media.MediaTestSupport;
import dev.metastudio.emulator.media.audio.AudioDecoder;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.PcmWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VisemeAnalyzerTest {

    @TempDir
    Path dir;

    /** Decodes a WAV into the raw PCM the analyser reads, as the renderer does. */
    private Path pcm(Path wav) throws Exception {
        Path pcm = dir.resolve(wav.getFileName() + ".pcm");
        try (AudioDecoder d = AudioDecoder.open(wav); PcmWriter w = new PcmWriter(pcm)) {
            short[] block = new short[4096];
            int n;
            while ((n = d.read(block, block.length)) > 0) {
                w.write(block, 0, n);
            }
        }
        return pcm;
    }

    @Test
    void silenceKeepsTheMouthAtRest() throws Exception {
        Path wav = MediaTestSupport.wav(dir, "silence", 2.0, i -> 0);
        assertThat(VisemeAnalyzer.analyze(pcm(wav), 50)).containsOnly(Viseme.X);
    }

    @Test
    void vowelsOpenTheMouthAndPausesCloseIt() throws Exception {
        // 0.4 s of voice, 0.4 s of silence, three times.
        Path wav = MediaTestSupport.wav(dir, "bursts", 2.4,
                i -> (i / (Pcm.SAMPLE_RATE * 4 / 10)) % 2 == 0 ? MediaTestSupport.vowel(i, 0.5) : 0);
        Viseme[] v = VisemeAnalyzer.analyze(pcm(wav), 60);
        for (int burst = 0; burst < 3; burst++) {
            int voiced = burst * 20 + 5;
            int silent = burst * 20 + 15;
            // An open shape (the ones whose jaw drops beyond the teeth: C, D, E, H).
            assertThat(v[voiced]).as("frame %d", voiced).isIn(Viseme.C, Viseme.D, Viseme.E, Viseme.H);
            assertThat(v[silent]).as("frame %d", silent).isEqualTo(Viseme.X);
        }
    }

    @Test
    void noShapeFlickersForASingleFrame() throws Exception {
        java.util.Random r = new java.util.Random(7);
        double[] envelope = new double[200];
        for (int k = 0; k < envelope.length; k++) {
            envelope[k] = r.nextDouble() < 0.3 ? 0 : r.nextDouble();
        }
        Path wav = MediaTestSupport.wav(dir, "speechy", 4.0,
                i -> MediaTestSupport.vowel(i, 0.6 * envelope[i / 960]) + (r.nextDouble() - 0.5) * 0.02 * envelope[i / 960]);
        Viseme[] v = VisemeAnalyzer.analyze(pcm(wav), 100);
        for (int i = 1; i + 1 < v.length; i++) {
            assertThat(v[i] != v[i - 1] && v[i] != v[i + 1] && v[i - 1] == v[i + 1]).as("blip at %d", i).isFalse();
        }
    }
}

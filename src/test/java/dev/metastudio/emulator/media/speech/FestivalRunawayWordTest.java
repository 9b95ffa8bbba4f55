package dev.metastudio.emulator.media.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.media.MediaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text field may carry one "word" of thousands of letters (the fuzz test sends 4,097 x's as TTS text); Festival's
 * diphone voices never finished such a word and left a process spinning a core after the JVM exited.
 */
class FestivalRunawayWordTest {

    @Test
    void longRunsOfLettersAreCutIntoWordsFestivalCanRead() {
        String cut = FestivalEngine.withoutRunawayWords("Hello " + "x".repeat(100) + ", world 1234567890");
        assertThat(cut.split("[^\\p{Alnum}]+")).allSatisfy(w -> assertThat(w.length())
                .isLessThanOrEqualTo(FestivalEngine.LONGEST_WORD));
        assertThat(cut.replace(" ", "")).isEqualTo(("Hello " + "x".repeat(100) + ", world 1234567890").replace(" ", ""));
        assertThat(FestivalEngine.withoutRunawayWords("Ordinary words stay as they are."))
                .isEqualTo("Ordinary words stay as they are.");
    }

    /**
     * Festival 2.5's kal diphone voice still crashes (exit 139) after about 30 s on 4,097 letters cut into words; what
     * must hold is that the call ends, as speech or as TTS_FAILED, and leaves no Festival process behind. The engine
     * runs a private copy of the program, so the Festivals that other tests' jobs start in this JVM are not counted.
     */
    @Test
    void aFourThousandLetterWordEndsAndLeavesNoFestivalRunning(@TempDir Path dir) throws Exception {
        Path installed = Path.of("/usr/bin/festival");
        assertThat(installed).as("apt-get install festival festvox-kallpc16k").isExecutable();
        Path copy = Files.copy(installed, dir.resolve("festival"));
        assertThat(copy.toFile().setExecutable(true)).isTrue();
        FestivalEngine festival = new FestivalEngine(copy.toString());
        assertThat(festival.voices()).as("apt-get install festvox-kallpc16k").contains("kal_diphone");
        try {
            TtsEngine.Clip clip = festival.synthesize(new SpeechRequest("x".repeat(4097), "kal_diphone", 1.0, 1.0,
                    List.of()));
            assertThat(clip.samples().length).isPositive();
        } catch (MediaException failed) {
            assertThat(failed.reason()).isEqualTo(MediaException.Reason.TTS_FAILED);
        }
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").equals(copy.toString())).map(ProcessHandle::pid)).isEmpty();
    }
}

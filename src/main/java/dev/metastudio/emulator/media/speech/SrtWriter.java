package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** SubRip output: numbered cues, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}, UTF-8. */
public final class SrtWriter {

    private SrtWriter() {
    }

    public static void write(List<Cue> cues, Path out) throws MediaException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            int index = 1;
            for (Cue cue : cues) {
                w.write(index++ + "\n" + time(cue.startSeconds()) + " --> " + time(cue.endSeconds()) + "\n"
                        + cue.text() + "\n\n");
            }
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    static String time(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }
}

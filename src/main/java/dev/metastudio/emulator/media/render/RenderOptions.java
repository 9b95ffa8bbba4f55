package dev.metastudio.emulator.media.render;

import java.nio.file.Path;

/**
 * @param espeakExecutable path or PATH name of espeak-ng (null: "espeak-ng")
 * @param encoder          software, or hardware when the machine has it
 * @param tempDir          where speech and audio scratch files go (null: the system temp dir); they are deleted after
 */
public record RenderOptions(String espeakExecutable, EncoderPreference encoder, Path tempDir) {

    public static RenderOptions defaults() {
        return new RenderOptions(null, EncoderPreference.SOFTWARE, null);
    }
}

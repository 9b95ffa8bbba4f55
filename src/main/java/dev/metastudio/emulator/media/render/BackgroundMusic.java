package dev.metastudio.emulator.media.render;

import java.nio.file.Path;

/** BackgroundMusicConfig: a local audio file looped under the whole video at volume percent (0..100). */
public record BackgroundMusic(Path file, int volume) {
}

package dev.metastudio.emulator.media.render;

import java.nio.file.Path;

/** BackgroundConfigInfo: an image scaled to cover the layout, or a solid "#RRGGBB" colour. */
public sealed interface Background {

    record Image(Path file) implements Background {
    }

    record Color(String rgb) implements Background {
    }
}

package dev.metastudio.emulator.media.render;

import java.nio.file.Path;

/** subtitles is null when no scene had text. encoder names the video encoder that was used. */
public record RenderResult(Path video, Path cover, Path subtitles, double durationSeconds, int frames, int width,
                           int height, VideoCodec codec, String encoder) {
}

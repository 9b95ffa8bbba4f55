package dev.metastudio.emulator.media.render;

import java.util.List;

/**
 * A fully resolved video: every media reference is a local file. Width/height/codec/bitrate/clip mode follow
 * VideoConfig (bitrate in kbit/s; CROP uses cropX/cropY as dx/dy); subtitles null means is_subtitle_enable=false;
 * music may be null. Frame rate is always 25.
 */
public record RenderSpec(
        LayoutOrientation layout,
        int width,
        int height,
        VideoCodec codec,
        int bitrateKbps,
        ClipMode clipMode,
        int cropX,
        int cropY,
        SubtitleStyle subtitles,
        BackgroundMusic music,
        List<Scene> scenes) {

    public RenderSpec {
        scenes = List.copyOf(scenes);
    }
}

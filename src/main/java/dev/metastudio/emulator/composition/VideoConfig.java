package dev.metastudio.emulator.composition;

/**
 * VideoConfig (reference Table 5-5). frame_rate is a string in the SDK; the reference's own examples also send a
 * number, which Jackson accepts into this field. The output is always 25 fps, as the reference says.
 */
public record VideoConfig(
        ClipMode clipMode,
        Codec codec,
        Integer bitrate,
        Integer width,
        Integer height,
        String frameRate,
        Boolean isSubtitleEnable,
        SubtitleConfig subtitleConfig,
        Integer dx,
        Integer dy,
        Boolean isEnableSuperResolution,
        Boolean isEndAtFirstFrame,
        String outputExternalUrl,
        Boolean disableSystemWatermark) {

    /** L3794: fixed at 25 FPS. */
    public static final String OUTPUT_FRAME_RATE = "25";

    public enum ClipMode { RESIZE, CROP }

    public enum Codec { H264, VP8, VP9, QTRLE }

    /**
     * As answered: clip_mode "Default value: RESIZE" (L4309), is_subtitle_enable "Default value: false" (L4319), and
     * frame_rate "25", what the output has: L3794 "The virtual avatar video frame rate is fixed at 25 FPS. Default
     * value: 25". Decision: the other documented values (CompositionRules.FRAME_RATES) are accepted, never echoed.
     */
    public VideoConfig withDefaults() {
        return new VideoConfig(effectiveClipMode(), codec, bitrate, width, height, OUTPUT_FRAME_RATE, subtitles(),
                subtitleConfig, dx, dy, isEnableSuperResolution, isEndAtFirstFrame, outputExternalUrl,
                disableSystemWatermark);
    }

    public ClipMode effectiveClipMode() {
        return clipMode == null ? ClipMode.RESIZE : clipMode;
    }

    public boolean subtitles() {
        return Boolean.TRUE.equals(isSubtitleEnable);
    }

    /** SubtitleConfig (reference Table 5-6). */
    public record SubtitleConfig(Integer dx, Integer dy, Integer h, Integer w, String fontName, Integer fontSize,
                                 String fontColor, String strokeColor, Float strokeThickness, Float opacity) {
    }
}

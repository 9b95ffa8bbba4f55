package dev.metastudio.emulator.media.render;

/**
 * SubtitleConfig: (dx, dy) is the lower-left corner of the subtitle box in layout pixels (null: centred near the
 * bottom); the box is 80 % of the layout width. fontName is one of the documented fonts (§11.9), fontSize 4..120
 * layout pixels (0 or null: 54).
 */
public record SubtitleStyle(Integer dx, Integer dy, String fontName, Integer fontSize) {

    public static SubtitleStyle defaults() {
        return new SubtitleStyle(null, null, null, null);
    }
}

package dev.metastudio.emulator.media.render;

/**
 * VideoConfig.clip_mode: RESIZE scales the whole layout to the output size; CROP keeps an output-sized window of the
 * layout at (dx, dy), one layout pixel per output pixel.
 */
public enum ClipMode { RESIZE, CROP }

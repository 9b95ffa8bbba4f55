package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.avatar.Framing;

/** The layout space of a script (view_mode): every position and size is given in these pixels. */
public enum LayoutOrientation {
    LANDSCAPE(1920, 1080, Framing.LANDSCAPE),
    PORTRAIT(1080, 1920, Framing.PORTRAIT);

    private final int width;
    private final int height;
    private final Framing framing;

    LayoutOrientation(int width, int height, Framing framing) {
        this.width = width;
        this.height = height;
        this.framing = framing;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The avatar framing that matches this layout when a HUMAN layer names none. */
    public Framing framing() {
        return framing;
    }
}

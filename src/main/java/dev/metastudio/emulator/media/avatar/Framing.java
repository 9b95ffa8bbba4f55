package dev.metastudio.emulator.media.avatar;

/**
 * How the presenter is framed in its model canvas: PORTRAIT is the 1080x1920 model (half body, hands in view),
 * LANDSCAPE the 1920x1080 model (head and shoulders, centred).
 */
public enum Framing {
    PORTRAIT(1080, 1920),
    LANDSCAPE(1920, 1080);

    private final int modelWidth;
    private final int modelHeight;

    Framing(int modelWidth, int modelHeight) {
        this.modelWidth = modelWidth;
        this.modelHeight = modelHeight;
    }

    public int modelWidth() {
        return modelWidth;
    }

    public int modelHeight() {
        return modelHeight;
    }
}

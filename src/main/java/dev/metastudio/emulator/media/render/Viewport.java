package dev.metastudio.emulator.media.render;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;

/**
 * Maps layout pixels to output pixels. RESIZE scales the layout uniformly to the output (centred if the aspect ratios
 * differ); CROP shifts it by (-dx, -dy) at one layout pixel per output pixel.
 */
final class Viewport {

    private final double scale;
    private final double offsetX;
    private final double offsetY;

    private Viewport(double scale, double offsetX, double offsetY) {
        this.scale = scale;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
    }

    static Viewport of(RenderSpec spec, int width, int height) {
        LayoutOrientation layout = spec.layout();
        if (spec.clipMode() == ClipMode.CROP) {
            return new Viewport(1, -spec.cropX(), -spec.cropY());
        }
        double s = Math.min(width / (double) layout.width(), height / (double) layout.height());
        return new Viewport(s, (width - layout.width() * s) / 2, (height - layout.height() * s) / 2);
    }

    double scale() {
        return scale;
    }

    AffineTransform transform() {
        AffineTransform t = AffineTransform.getTranslateInstance(offsetX, offsetY);
        t.scale(scale, scale);
        return t;
    }

    Rectangle map(double x, double y, double w, double h) {
        int x0 = (int) Math.round(offsetX + x * scale);
        int y0 = (int) Math.round(offsetY + y * scale);
        int x1 = (int) Math.round(offsetX + (x + w) * scale);
        int y1 = (int) Math.round(offsetY + (y + h) * scale);
        return new Rectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }
}

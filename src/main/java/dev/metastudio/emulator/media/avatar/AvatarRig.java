package dev.metastudio.emulator.media.avatar;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.lipsync.Viseme;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A presenter pre-rendered for one size and place: every part is painted once into a sprite, so a frame costs a few
 * image copies instead of vector drawing. The figure fills its model canvas (1080x1920 or 1920x1080) fitted into the
 * target rectangle, centred and standing on its bottom edge.
 */
public final class AvatarRig {

    /** Regions that change independently, for redrawing only what moved. */
    public enum Part { BODY, HEAD, EYES, MOUTH }

    /** Largest idle offsets, in model units (see {@link AvatarAnimator}). */
    static final double HEAD_SWAY_UNITS = 4.0;
    static final double BREATH_UNITS = 1.6;
    /** The mouth's opening is drawn in this many steps (a step is 1.25 model units, under 2 pixels at 1080p). */
    public static final int OPENNESS_STEPS = 24;

    private record Sprite(BufferedImage image, int x, int y) {
        Rectangle bounds(int ax, int ay) {
            return new Rectangle(ax + x, ay + y, image.getWidth(), image.getHeight());
        }
    }

    private final int anchorX;
    private final int anchorY;
    private final double scale;
    private final Sprite back;
    private final Sprite body;
    private final Sprite head;
    private final Sprite front;
    private final Map<AvatarPose.Eyelids, Sprite> eyes = new EnumMap<>(AvatarPose.Eyelids.class);
    /** Per shape and opening step, painted when first needed: most of the 9 x 25 are never shown in a scene. */
    private final Sprite[][] mouths = new Sprite[Viseme.values().length][OPENNESS_STEPS + 1];
    private final AvatarPainter painter;
    private final double fx;
    private final double fy;
    private final Rectangle mouthArea;
    private final int headMargin;
    private final int bodyMargin;

    private AvatarRig(AvatarStyle style, Framing framing, Rectangle target) {
        boolean portrait = framing == Framing.PORTRAIT;
        double fit = Math.min(target.width / (double) framing.modelWidth(),
                target.height / (double) framing.modelHeight());
        // Model units per model-canvas pixel: the head is about a third of the landscape height.
        double unitsToModel = portrait ? 1.35 : 1.25;
        double headCenterModelY = portrait ? 520 : 400;
        this.scale = unitsToModel * fit;
        double canvasLeft = target.x + (target.width - framing.modelWidth() * fit) / 2;
        double canvasTop = target.y + (target.height - framing.modelHeight() * fit);
        double ax = canvasLeft + framing.modelWidth() / 2.0 * fit;
        double ay = canvasTop + headCenterModelY * fit;
        this.anchorX = (int) Math.floor(ax);
        this.anchorY = (int) Math.floor(ay);
        this.fx = ax - anchorX;
        this.fy = ay - anchorY;
        double bottomUnits = (canvasTop + framing.modelHeight() * fit - ay) / scale + 4;

        AvatarPainter p = new AvatarPainter(style);
        this.painter = p;
        back = sprite(fx, fy, -200, -180, 200, 430, p::paintBackHair);
        body = sprite(fx, fy, -300, 55, 300, Math.min(bottomUnits, portrait ? 1130 : 650),
                g -> p.paintBody(g, portrait));
        head = sprite(fx, fy, -140, -185, 140, 250, p::paintHead);
        front = p.hasFrontOverlay() ? sprite(fx, fy, -110, -45, 110, 25, p::paintFront) : null;
        for (AvatarPose.Eyelids state : AvatarPose.Eyelids.values()) {
            AvatarPainter.Eyes e = AvatarPainter.Eyes.valueOf(state.name());
            eyes.put(state, sprite(fx, fy, -72, -42, 72, 18, g -> p.paintEyes(g, e)));
        }
        // A mouth only grows as it opens: closed and fully open bound every step between.
        Rectangle area = null;
        for (Viseme v : Viseme.values()) {
            for (int step : new int[]{0, OPENNESS_STEPS}) {
                Rectangle b = mouth(v, step).bounds(anchorX, anchorY);
                area = area == null ? b : area.union(b);
            }
        }
        mouthArea = area;
        headMargin = (int) Math.ceil(HEAD_SWAY_UNITS * scale) + 1;
        bodyMargin = (int) Math.ceil(BREATH_UNITS * scale) + 1;
    }

    /**
     * @param target where the HUMAN layer is, in output pixels
     */
    public static AvatarRig build(String lookId, Framing framing, Rectangle target) throws MediaException {
        return new AvatarRig(AvatarCatalogue.style(lookId), framing, target);
    }

    /** Pixels per model unit, which the animator needs to turn unit amplitudes into pixels. */
    public double scale() {
        return scale;
    }

    private Sprite sprite(double fx, double fy, double minX, double minY, double maxX, double maxY,
                          Consumer<Graphics2D> painter) {
        int x0 = (int) Math.floor(fx + minX * scale) - 2;
        int y0 = (int) Math.floor(fy + minY * scale) - 2;
        int x1 = (int) Math.ceil(fx + maxX * scale) + 2;
        int y1 = (int) Math.ceil(fy + maxY * scale) + 2;
        BufferedImage image = new BufferedImage(Math.max(1, x1 - x0), Math.max(1, y1 - y0),
                BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.translate(fx - x0, fy - y0);
        g.scale(scale, scale);
        g.setClip(new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY));
        painter.accept(g);
        g.dispose();
        return trimmed(image, x0, y0);
    }

    /**
     * Cuts away fully transparent borders: the sprite's bounds are what gets redrawn when it moves, so they should
     * hold only the part's own pixels.
     */
    private static Sprite trimmed(BufferedImage image, int x0, int y0) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int left = w;
        int right = -1;
        int top = h;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((argb[y * w + x] >>> 24) != 0) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return new Sprite(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE), x0, y0);
        }
        BufferedImage out = new BufferedImage(right - left + 1, bottom - top + 1, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, -left, -top, null);
        g.dispose();
        return new Sprite(out, x0 + left, y0 + top);
    }

    /** The pixels a part may touch over the whole animation, in output coordinates. */
    public Rectangle envelope(Part part) {
        return switch (part) {
            case BODY -> grow(back.bounds(anchorX, anchorY).union(body.bounds(anchorX, anchorY)), 0, bodyMargin);
            case HEAD -> {
                Rectangle r = head.bounds(anchorX, anchorY);
                if (front != null) {
                    r = r.union(front.bounds(anchorX, anchorY));
                }
                yield grow(r, headMargin, headMargin);
            }
            case EYES -> grow(union(eyes.values()), headMargin, headMargin);
            case MOUTH -> grow(mouthArea(), headMargin, headMargin);
        };
    }

    /** Where the lips can be in any shape and opening, the head at rest (for checking lip-sync in a picture). */
    public Rectangle mouthArea() {
        return new Rectangle(mouthArea);
    }

    /** The opening step a pose's mouth is drawn with; closed shapes have only step 0. */
    public static int openingStep(AvatarPose pose) {
        return pose.mouth().opening() == 0 ? 0 : (int) Math.round(pose.openness() * OPENNESS_STEPS);
    }

    private Sprite mouth(Viseme v, int step) {
        Sprite s = mouths[v.ordinal()][step];
        if (s == null) {
            double openness = step / (double) OPENNESS_STEPS;
            s = sprite(fx, fy, -48, 56, 48, 118, g -> painter.paintMouth(g, v, openness));
            mouths[v.ordinal()][step] = s;
        }
        return s;
    }

    private Rectangle union(java.util.Collection<Sprite> sprites) {
        Rectangle r = null;
        for (Sprite s : sprites) {
            Rectangle b = s.bounds(anchorX, anchorY);
            r = r == null ? b : r.union(b);
        }
        return r;
    }

    private static Rectangle grow(Rectangle r, int dx, int dy) {
        return new Rectangle(r.x - dx, r.y - dy, r.width + 2 * dx, r.height + 2 * dy);
    }

    /** The key of a part's appearance in a pose: equal keys mean identical pixels. */
    public long key(Part part, AvatarPose pose) {
        long head = ((long) pose.headDx() & 0xffff) << 16 | ((long) pose.headDy() & 0xffff);
        return switch (part) {
            case BODY -> pose.bodyDy() + 1L;
            case HEAD -> head;
            case EYES -> head << 8 | pose.eyes().ordinal();
            case MOUTH -> head << 16 | pose.mouth().ordinal() << 8 | openingStep(pose);
        };
    }

    public void draw(Graphics2D g, AvatarPose pose) {
        int bx = anchorX;
        int by = anchorY + pose.bodyDy();
        int hx = anchorX + pose.headDx();
        int hy = anchorY + pose.headDy();
        draw(g, back, bx, by);
        draw(g, body, bx, by);
        draw(g, head, hx, hy);
        draw(g, eyes.get(pose.eyes()), hx, hy);
        draw(g, mouth(pose.mouth(), openingStep(pose)), hx, hy);
        if (front != null) {
            draw(g, front, hx, hy);
        }
    }

    private static void draw(Graphics2D g, Sprite s, int ax, int ay) {
        Rectangle clip = g.getClipBounds();
        Rectangle r = s.bounds(ax, ay);
        if (clip == null || clip.intersects(r)) {
            g.drawImage(s.image(), r.x, r.y, null);
        }
    }
}

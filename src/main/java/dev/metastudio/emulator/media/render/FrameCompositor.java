package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the current frame as RGB and as YUV 4:2:0 and updates only what changed. The frame is cut into 32x32 tiles;
 * each tile's key mixes the keys of the moving parts that cover it, and only tiles whose key changed are composited
 * again (bottom plate, then the stack in order, clipped to the tile run) and converted to YUV. A talking presenter
 * thus costs the mouth, the eyes and, when the head shifts a pixel, the head, not the whole picture.
 */
final class FrameCompositor {

    static final int TILE = 32;

    /** One level of the layer stack: a pre-composed still plate, or a moving element. */
    sealed interface Item permits Plate, Moving {
    }

    /** A full-frame still image; {@code content} bounds its non-transparent pixels. */
    record Plate(BufferedImage image, Rectangle content) implements Item {
    }

    record Moving(Dynamic element) implements Item {
    }

    private final int width;
    private final int height;
    private final BufferedImage canvas;
    private final int[] rgb;
    private final byte[] yuv;
    private final int tilesX;
    private final int tilesY;
    private final long[] shown;
    private final long[] wanted;
    private final boolean[] dirty;
    private final Graphics2D g;

    private int[] bottom;
    private List<Item> stack = List.of();
    private List<int[]> regionTiles = List.of();
    private List<Dynamic> elements = List.of();
    private long salt;

    FrameCompositor(int width, int height) {
        this.width = width;
        this.height = height;
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.rgb = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        this.yuv = new byte[width * height * 3 / 2];
        this.tilesX = (width + TILE - 1) / TILE;
        this.tilesY = (height + TILE - 1) / TILE;
        this.shown = new long[tilesX * tilesY];
        this.wanted = new long[tilesX * tilesY];
        this.dirty = new boolean[tilesX * tilesY];
        this.g = canvas.createGraphics();
    }

    BufferedImage canvas() {
        return canvas;
    }

    /**
     * Starts a scene. {@code base} is the opaque bottom plate (TYPE_INT_RGB, frame-sized); the stack lies above it.
     * A new salt makes every tile differ from what is shown, so the first frame is drawn in full.
     */
    void setScene(BufferedImage base, List<Item> stack, long salt) {
        this.bottom = ((DataBufferInt) base.getRaster().getDataBuffer()).getData();
        this.stack = List.copyOf(stack);
        this.salt = mix(salt, 0x9E3779B97F4A7C15L);
        List<Dynamic> moving = new ArrayList<>();
        List<int[]> tiles = new ArrayList<>();
        for (Item item : stack) {
            if (item instanceof Moving m) {
                moving.add(m.element());
                for (Dynamic.Region region : m.element().regions()) {
                    tiles.add(tilesOf(region.area()));
                }
            }
        }
        this.elements = moving;
        this.regionTiles = tiles;
    }

    private int[] tilesOf(Rectangle r) {
        Rectangle c = r.intersection(new Rectangle(0, 0, width, height));
        if (c.isEmpty()) {
            return new int[0];
        }
        int tx0 = c.x / TILE;
        int ty0 = c.y / TILE;
        int tx1 = (c.x + c.width - 1) / TILE;
        int ty1 = (c.y + c.height - 1) / TILE;
        int[] out = new int[(tx1 - tx0 + 1) * (ty1 - ty0 + 1)];
        int k = 0;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                out[k++] = ty * tilesX + tx;
            }
        }
        return out;
    }

    /** Brings canvas and YUV to the given frame of the scene; returns how many tiles were redrawn. */
    int render(int frame) throws MediaException {
        Arrays.fill(wanted, salt);
        int regionIndex = 0;
        for (Dynamic element : elements) {
            long key = element.advance(frame);
            Dynamic.Region[] regions = element.regions();
            for (int i = 0; i < regions.length; i++) {
                long k = element.regionKey(i, key);
                for (int tile : regionTiles.get(regionIndex)) {
                    wanted[tile] = mix(wanted[tile], k + regionIndex);
                }
                regionIndex++;
            }
        }
        int count = 0;
        for (int t = 0; t < wanted.length; t++) {
            dirty[t] = wanted[t] != shown[t];
            if (dirty[t]) {
                count++;
                shown[t] = wanted[t];
            }
        }
        if (count > 0) {
            for (Rectangle r : dirtyRuns()) {
                compose(r);
                RgbToYuv.convert(rgb, width, height, yuv, r.x, r.y, r.width, r.height);
            }
        }
        return count;
    }

    /** Dirty tiles grouped into rectangles: horizontal runs, stacked while successive rows repeat the same run. */
    private List<Rectangle> dirtyRuns() {
        List<Rectangle> done = new ArrayList<>();
        List<Rectangle> open = new ArrayList<>();
        for (int ty = 0; ty < tilesY; ty++) {
            List<Rectangle> next = new ArrayList<>();
            int tx = 0;
            while (tx < tilesX) {
                if (!dirty[ty * tilesX + tx]) {
                    tx++;
                    continue;
                }
                int start = tx;
                while (tx < tilesX && dirty[ty * tilesX + tx]) {
                    tx++;
                }
                int x = start * TILE;
                int w = Math.min(width, tx * TILE) - x;
                int y = ty * TILE;
                int h = Math.min(height, y + TILE) - y;
                Rectangle extended = null;
                for (Rectangle o : open) {
                    if (o.x == x && o.width == w && o.y + o.height == y) {
                        o.height += h;
                        extended = o;
                        break;
                    }
                }
                if (extended != null) {
                    open.remove(extended);
                    next.add(extended);
                } else {
                    next.add(new Rectangle(x, y, w, h));
                }
            }
            done.addAll(open);
            open = next;
        }
        done.addAll(open);
        return done;
    }

    private void compose(Rectangle r) {
        for (int y = r.y; y < r.y + r.height; y++) {
            System.arraycopy(bottom, y * width + r.x, rgb, y * width + r.x, r.width);
        }
        g.setClip(r);
        for (Item item : stack) {
            if (item instanceof Plate p) {
                if (p.content().intersects(r)) {
                    g.drawImage(p.image(), 0, 0, null);
                }
            } else if (item instanceof Moving m && m.element().envelope().intersects(r)) {
                m.element().draw(g);
            }
        }
    }

    /** Copies the current YUV frame (Y, then U, then V planes) into an encoder buffer. */
    void copyYuv(ByteBuffer target) {
        target.clear();
        target.put(yuv);
        target.flip();
    }

    private static long mix(long h, long v) {
        long z = h * 31 + v + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    void dispose() {
        g.dispose();
    }
}

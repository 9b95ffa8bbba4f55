package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.image.Images;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

/**
 * A timed overlay of a live stream (SHOW_LAYER): an image placed by its {@link LayerBox}, converted once to YUV 4:2:0
 * with its alpha, and blended into {@code frames} composed frames from the first one composed after it was added
 * (the composer fixes {@link #fromFrame} then: a frame already being composed when it came does not count), above
 * everything else. The compositor's tiles are not touched, so it costs only its own box per frame.
 */
final class LiveOverlay {
    final long id;
    final long frames;
    /** The first frame it is in; set by the composing thread when it first meets the overlay, -1 before. */
    long fromFrame = -1;
    private final int x0;
    private final int y0;
    private final int w;
    private final int h;
    private final byte[] luma;
    private final byte[] chromaU;
    private final byte[] chromaV;
    /** 0..256 per pixel; per 2x2 block for chroma. */
    private final short[] alpha;
    private final short[] chromaAlpha;

    private LiveOverlay(long id, long frames, int x0, int y0, int w, int h, int[] argb) {
        this.id = id;
        this.frames = frames;
        this.x0 = x0;
        this.y0 = y0;
        this.w = w;
        this.h = h;
        int[] rgb = new int[w * h];
        this.alpha = new short[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = argb[i] & 0xffffff;
            int a = (argb[i] >>> 24) & 0xff;
            alpha[i] = (short) (a + (a >> 7));
        }
        byte[] yuv = new byte[w * h * 3 / 2];
        RgbToYuv.convert(rgb, w, h, yuv, 0, 0, w, h);
        this.luma = java.util.Arrays.copyOfRange(yuv, 0, w * h);
        this.chromaU = java.util.Arrays.copyOfRange(yuv, w * h, w * h + (w / 2) * (h / 2));
        this.chromaV = java.util.Arrays.copyOfRange(yuv, w * h + (w / 2) * (h / 2), yuv.length);
        this.chromaAlpha = new short[(w / 2) * (h / 2)];
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                int sum = alpha[y * w + x] + alpha[y * w + x + 1] + alpha[(y + 1) * w + x] + alpha[(y + 1) * w + x + 1];
                chromaAlpha[(y / 2) * (w / 2) + x / 2] = (short) (sum / 4);
            }
        }
    }

    /**
     * The image fitted into its box (a side of 0 takes the image's size, keeping the aspect ratio when the other is
     * given), mapped to the frame and clipped to it; null when nothing of it lies inside the frame.
     */
    static LiveOverlay of(long id, java.nio.file.Path file, LayerBox box, Viewport viewport, int width, int height,
                          long frames) throws MediaException {
        BufferedImage img = Images.read(file);
        int bw = box.width();
        int bh = box.height();
        if (bw <= 0 && bh <= 0) {
            bw = img.getWidth();
            bh = img.getHeight();
        } else if (bw <= 0) {
            bw = Math.max(1, (int) Math.round(bh * img.getWidth() / (double) img.getHeight()));
        } else if (bh <= 0) {
            bh = Math.max(1, (int) Math.round(bw * img.getHeight() / (double) img.getWidth()));
        }
        Rectangle r = viewport.map(box.dx(), box.dy(), bw, bh);
        Rectangle clipped = r.intersection(new Rectangle(0, 0, width, height));
        // Even corners, as 4:2:0 wants.
        int x0 = (clipped.x + 1) & ~1;
        int y0 = (clipped.y + 1) & ~1;
        int x1 = (clipped.x + clipped.width) & ~1;
        int y1 = (clipped.y + clipped.height) & ~1;
        if (clipped.isEmpty() || x1 - x0 < 2 || y1 - y0 < 2) {
            return null;
        }
        BufferedImage scaled = Images.toArgb(Images.scale(img, r.width, r.height));
        int w = x1 - x0;
        int h = y1 - y0;
        int[] argb = scaled.getRGB(x0 - r.x, y0 - r.y, w, h, null, 0, w);
        return new LiveOverlay(id, frames, x0, y0, w, h, argb);
    }

    /** Blends the overlay into a frame-sized YUV 4:2:0 buffer. */
    void blend(ByteBuffer yuv, int width, int height) {
        int uBase = width * height;
        int vBase = uBase + (width / 2) * (height / 2);
        for (int y = 0; y < h; y++) {
            int row = (y0 + y) * width + x0;
            for (int x = 0; x < w; x++) {
                int a = alpha[y * w + x];
                if (a == 0) {
                    continue;
                }
                int i = row + x;
                yuv.put(i, mix(yuv.get(i), luma[y * w + x], a));
            }
        }
        int cw = w / 2;
        for (int y = 0; y < h / 2; y++) {
            int row = (y0 / 2 + y) * (width / 2) + x0 / 2;
            for (int x = 0; x < cw; x++) {
                int a = chromaAlpha[y * cw + x];
                if (a == 0) {
                    continue;
                }
                yuv.put(uBase + row + x, mix(yuv.get(uBase + row + x), chromaU[y * cw + x], a));
                yuv.put(vBase + row + x, mix(yuv.get(vBase + row + x), chromaV[y * cw + x], a));
            }
        }
    }

    private static byte mix(byte under, byte over, int a) {
        int u = under & 0xff;
        int o = over & 0xff;
        return (byte) (u + (((o - u) * a) >> 8));
    }
}

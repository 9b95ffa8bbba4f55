package dev.metastudio.emulator.media.render;

/**
 * BT.709 limited-range conversion of packed RGB ints into planar 4:2:0, for a rectangle with even corners. Chroma is
 * the average of each 2x2 block. Fixed-point with 16 fractional bits; no allocation.
 */
final class RgbToYuv {

    private static final int YR = 11966;
    private static final int YG = 40254;
    private static final int YB = 4064;
    private static final int UR = -6596;
    private static final int UG = -22189;
    private static final int UB = 28784;
    private static final int VR = 28784;
    private static final int VG = -26145;
    private static final int VB = -2639;
    private static final int Y_OFFSET = (16 << 16) + (1 << 15);
    private static final int C_OFFSET = (128 << 16) + (1 << 15);

    private RgbToYuv() {
    }

    static void convert(int[] rgb, int width, int height, byte[] yuv, int x0, int y0, int w, int h) {
        int chromaWidth = width / 2;
        int uBase = width * height;
        int vBase = uBase + chromaWidth * (height / 2);
        for (int y = y0; y < y0 + h; y += 2) {
            int row0 = y * width;
            int row1 = row0 + width;
            int crow = (y / 2) * chromaWidth;
            for (int x = x0; x < x0 + w; x += 2) {
                int p00 = rgb[row0 + x];
                int p01 = rgb[row0 + x + 1];
                int p10 = rgb[row1 + x];
                int p11 = rgb[row1 + x + 1];
                yuv[row0 + x] = luma(p00);
                yuv[row0 + x + 1] = luma(p01);
                yuv[row1 + x] = luma(p10);
                yuv[row1 + x + 1] = luma(p11);
                int r = ((p00 >> 16) & 0xff) + ((p01 >> 16) & 0xff) + ((p10 >> 16) & 0xff) + ((p11 >> 16) & 0xff);
                int g = ((p00 >> 8) & 0xff) + ((p01 >> 8) & 0xff) + ((p10 >> 8) & 0xff) + ((p11 >> 8) & 0xff);
                int b = (p00 & 0xff) + (p01 & 0xff) + (p10 & 0xff) + (p11 & 0xff);
                int ci = crow + x / 2;
                yuv[uBase + ci] = (byte) ((UR * r + UG * g + UB * b + 4 * C_OFFSET) >> 18);
                yuv[vBase + ci] = (byte) ((VR * r + VG * g + VB * b + 4 * C_OFFSET) >> 18);
            }
        }
    }

    private static byte luma(int p) {
        return (byte) ((YR * ((p >> 16) & 0xff) + YG * ((p >> 8) & 0xff) + YB * (p & 0xff) + Y_OFFSET) >> 16);
    }
}

package dev.metastudio.emulator.media.encode;

/**
 * Keeps the video at least at the requested bitrate. The reference says of VideoConfig.bitrate "Quality is
 * prioritized, which may exceed the preset bitrate", so the requested figure is a floor: libopenh264 spends far less on
 * a presenter in front of a still background (2000 kbit/s asked, 293 kbit/s written), and H.264 has filler data NAL
 * units (type 12) for exactly this. After each picture this says how many filler bytes bring the stream up to the
 * floor so far; a big picture (a key frame) pays for the small ones after it.
 */
final class BitrateFloor {

    /** Filler never exceeds a few frames' share at once, so one stalled stretch cannot make a huge packet. */
    private static final int MAX_FRAMES_PER_FILLER = 4;

    private final double bytesPerFrame;
    private double owed;

    BitrateFloor(long bitsPerSecond, int fps) {
        this.bytesPerFrame = bitsPerSecond / 8.0 / fps;
    }

    /** Called once per encoded picture with its size; returns the filler bytes to append to it (0: none). */
    int afterPicture(int pictureBytes) {
        return afterPicture(pictureBytes, 1);
    }

    /**
     * As {@link #afterPicture(int)} for a picture that stands for {@code frames} frames of stream time (the pictures
     * before it were skipped): the floor is a bitrate over time, not per picture.
     */
    int afterPicture(int pictureBytes, long frames) {
        owed += bytesPerFrame * Math.max(1, frames) - pictureBytes;
        // A filler NAL costs 6 bytes of framing; below that it is not worth one.
        if (owed < 16) {
            return 0;
        }
        int filler = (int) Math.min(owed, bytesPerFrame * Math.max(MAX_FRAMES_PER_FILLER, frames));
        owed -= filler;
        return filler;
    }

    /**
     * Writes a filler data NAL unit of exactly {@code size} bytes (Annex B start code, header 0x0C, 0xFF payload,
     * RBSP trailing bits) into {@code out} at {@code offset}.
     */
    static void writeFiller(byte[] out, int offset, int size) {
        out[offset] = 0;
        out[offset + 1] = 0;
        out[offset + 2] = 0;
        out[offset + 3] = 1;
        out[offset + 4] = 0x0C;
        for (int i = offset + 5; i < offset + size - 1; i++) {
            out[i] = (byte) 0xFF;
        }
        out[offset + size - 1] = (byte) 0x80;
    }
}

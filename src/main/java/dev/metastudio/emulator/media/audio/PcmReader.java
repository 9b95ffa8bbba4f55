package dev.metastudio.emulator.media.audio;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams a file written by {@link PcmWriter}; past the end it yields silence. */
public final class PcmReader implements AutoCloseable {

    private final Path file;
    private final InputStream in;
    private final byte[] bytes = new byte[8192];

    public PcmReader(Path file) throws MediaException {
        this.file = file;
        try {
            this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Fills {@code dst[0..length)}; returns how many real samples were read (the rest is zero). */
    public int read(short[] dst, int length) throws MediaException {
        int filled = 0;
        try {
            while (filled < length) {
                int want = Math.min(bytes.length, 2 * (length - filled));
                int got = in.readNBytes(bytes, 0, want);
                if (got <= 0) {
                    break;
                }
                int n = got / 2;
                for (int k = 0; k < n; k++) {
                    dst[filled + k] = (short) ((bytes[2 * k] & 0xff) | (bytes[2 * k + 1] << 8));
                }
                filled += n;
                if (got < want) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int k = filled; k < length; k++) {
            dst[k] = 0;
        }
        return filled;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing was written through this stream, so a failing close loses nothing.
        }
    }
}

package dev.metastudio.emulator.media.audio;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Appends raw little-endian 16-bit samples to a file, so long speech never has to sit in the heap. */
public final class PcmWriter implements AutoCloseable {

    private final Path file;
    private final OutputStream out;
    private final byte[] bytes = new byte[8192];
    private long samples;

    public PcmWriter(Path file) throws MediaException {
        this.file = file;
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(short[] data, int offset, int length) throws MediaException {
        try {
            int i = 0;
            while (i < length) {
                int n = Math.min(length - i, bytes.length / 2);
                for (int k = 0; k < n; k++) {
                    short s = data[offset + i + k];
                    bytes[2 * k] = (byte) s;
                    bytes[2 * k + 1] = (byte) (s >> 8);
                }
                out.write(bytes, 0, 2 * n);
                i += n;
            }
            samples += length;
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void writeSilence(long count) throws MediaException {
        short[] zeros = new short[4096];
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(left, zeros.length);
            write(zeros, 0, n);
            left -= n;
        }
    }

    public long samples() {
        return samples;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws MediaException {
        try {
            out.close();
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}

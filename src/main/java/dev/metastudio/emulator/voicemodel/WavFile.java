package dev.metastudio.emulator.voicemodel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The RIFF/WAVE container read by hand (no FFmpeg guessing): the fmt chunk says what the samples are, the data chunk
 * holds them. {@link #parse} refuses what is not a WAV file; the audit decides whether the format is acceptable.
 */
record WavFile(int formatTag, int channels, int sampleRate, int bitsPerSample, int dataOffset, int dataLength) {
    static final int PCM = 1;
    static final int EXTENSIBLE = 0xFFFE;

    static final class NotWav extends Exception {
        NotWav(String message) {
            super(message);
        }
    }

    static WavFile parse(byte[] bytes) throws NotWav {
        if (bytes.length < 12 || !ascii(bytes, 0, "RIFF") || !ascii(bytes, 8, "WAVE")) {
            throw new NotWav("not a RIFF/WAVE file");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        Integer format = null;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (at + 8 <= bytes.length) {
            String id = new String(bytes, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = b.getInt(at + 4) & 0xFFFFFFFFL;
            int body = at + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > bytes.length) {
                    throw new NotWav("truncated fmt chunk");
                }
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) {
                    format = b.getShort(body + 24) & 0xFFFF;
                }
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new NotWav("data chunk before the fmt chunk");
                }
                // Streams written without knowing their length put 0 or 0xFFFFFFFF here: take what is there.
                long length = size == 0 || body + size > bytes.length ? bytes.length - body : size;
                if (channels <= 0 || rate <= 0 || bits <= 0) {
                    throw new NotWav("fmt chunk with no channels, sample rate or sample size");
                }
                return new WavFile(format, channels, rate, bits, body, (int) length);
            }
            at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new NotWav(format == null ? "no fmt chunk" : "no data chunk");
    }

    double seconds() {
        int frame = channels * Math.max(1, bitsPerSample / 8);
        return dataLength / (double) frame / sampleRate;
    }

    /** 16-bit PCM samples mixed to mono (call only for a PCM 16-bit file). */
    short[] mono(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes, dataOffset, dataLength).order(ByteOrder.LITTLE_ENDIAN);
        int frames = dataLength / (2 * channels);
        short[] out = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += b.getShort(dataOffset + (i * channels + c) * 2);
            }
            out[i] = (short) (sum / channels);
        }
        return out;
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The samples of a 16-bit mono PCM WAV as the engines write it. */
final class WavData {

    record Samples(short[] samples, int sampleRate) {
    }

    private WavData() {
    }

    /**
     * espeak-ng streams its WAV, so its chunk sizes are placeholders: the data chunk is taken to run to the end, or to
     * its declared size when that fits.
     */
    static Samples parse(byte[] wav, String engine) throws MediaException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 44 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new MediaException(Reason.TTS_FAILED, engine + " produced no WAV output");
        }
        int pos = 12;
        int rate = 0;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x20746d66) {
                rate = b.getInt(pos + 12);
                if (b.getShort(pos + 8) != 1 || b.getShort(pos + 10) != 1 || b.getShort(pos + 22) != 16) {
                    throw new MediaException(Reason.TTS_FAILED, engine + " WAV is not 16-bit mono PCM");
                }
            } else if (id == 0x61746164) {
                int start = pos + 8;
                int available = (wav.length - start) / 2;
                int count = size > 0 && size / 2 <= available ? size / 2 : available;
                short[] samples = new short[count];
                b.position(start);
                b.asShortBuffer().get(samples);
                if (rate <= 0) {
                    throw new MediaException(Reason.TTS_FAILED, engine + " WAV has no format chunk");
                }
                return new Samples(samples, rate);
            }
            pos += 8 + Math.max(0, size) + (size & 1);
        }
        throw new MediaException(Reason.TTS_FAILED, engine + " WAV has no data");
    }
}

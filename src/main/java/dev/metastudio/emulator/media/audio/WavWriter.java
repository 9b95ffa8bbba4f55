package dev.metastudio.emulator.media.audio;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Wraps a raw {@link Pcm} file in a RIFF/WAVE header. */
public final class WavWriter {

    private WavWriter() {
    }

    public static void fromPcm(Path pcm, Path wav) throws MediaException {
        try {
            long dataBytes = Files.size(pcm);
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
            header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                    .putInt(Pcm.SAMPLE_RATE).putInt(Pcm.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
            header.put("data".getBytes()).putInt((int) dataBytes);
            Path tmp = wav.resolveSibling(wav.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(header.array());
                Files.copy(pcm, out);
            }
            Files.move(tmp, wav, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot write " + wav + ": " + e.getMessage(), e);
        }
    }
}

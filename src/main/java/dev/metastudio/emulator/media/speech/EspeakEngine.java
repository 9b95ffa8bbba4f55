package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * espeak-ng run as a process per utterance, the text given on stdin (so text starting with '-' is never an option) and
 * the WAV read from stdout. Mandarin, Cantonese and most other languages of the service come from here.
 */
public final class EspeakEngine implements TtsEngine {

    public static final String INSTALL_HINT = "install espeak-ng (Debian/Ubuntu: apt-get install espeak-ng)";
    private static final int BASE_WPM = 160;
    private static final long TIMEOUT_SECONDS = 60;

    private final String executable;
    private volatile Set<String> voices;

    /** @param executable a path, or a bare name looked up on PATH; null means "espeak-ng" */
    public EspeakEngine(String executable) {
        this.executable = executable == null || executable.isBlank() ? "espeak-ng" : executable;
    }

    @Override
    public boolean available() {
        return resolve() != null;
    }

    public String executable() {
        return executable;
    }

    private Path resolve() {
        if (executable.contains(File.separator)) {
            Path p = Path.of(executable);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, executable);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The installed voice names (the language column of {@code espeak-ng --voices}). */
    public Set<String> voices() throws MediaException {
        Set<String> known = voices;
        if (known == null) {
            byte[] out = run(List.of(command(), "--voices"), null);
            known = new HashSet<>();
            String[] lines = new String(out, StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].trim().split("\\s+");
                if (cols.length > 1) {
                    known.add(cols[1]);
                }
            }
            voices = known;
        }
        return known;
    }

    @Override
    public Clip synthesize(String text, String voice, double rate, double pitch) throws MediaException {
        int wpm = (int) Math.round(Math.max(80, Math.min(450, BASE_WPM * rate)));
        // espeak's pitch is 0..99 around 50; a doubling maps to the top of that scale, a halving to the bottom.
        int p = (int) Math.round(Math.max(0, Math.min(99, 50 + 49 * Math.log(pitch) / Math.log(2))));
        byte[] wav = run(List.of(command(), "-v", voice, "-s", Integer.toString(wpm), "-p", Integer.toString(p),
                "-b", "1", "--stdin", "--stdout"), text.getBytes(StandardCharsets.UTF_8));
        return parseWav(wav);
    }

    private String command() throws MediaException {
        Path p = resolve();
        if (p == null) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "espeak-ng not found at '" + executable + "'; "
                    + INSTALL_HINT);
        }
        return p.toString();
    }

    private static byte[] run(List<String> command, byte[] stdin) throws MediaException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "cannot run " + command.get(0) + ": " + e.getMessage()
                    + "; " + INSTALL_HINT, e);
        }
        try {
            Thread errDrain = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            byte[] out;
            try (InputStream o = process.getInputStream()) {
                out = o.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new MediaException(Reason.TTS_FAILED, "espeak-ng did not finish in " + TIMEOUT_SECONDS + " s");
            }
            errDrain.join(1000);
            if (process.exitValue() != 0) {
                throw new MediaException(Reason.TTS_FAILED, "espeak-ng failed (exit " + process.exitValue() + ")");
            }
            return out;
        } catch (IOException e) {
            throw new MediaException(Reason.TTS_FAILED, "espeak-ng I/O failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(Reason.CANCELLED, "interrupted while speaking", e);
        } finally {
            process.destroy();
        }
    }

    private static Thread drain(InputStream stream) {
        Thread t = new Thread(() -> {
            try (stream) {
                stream.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // The exit code reports failures; stderr only has to be emptied so the process cannot block.
            }
        }, "espeak-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** espeak streams its WAV, so the chunk sizes in the header are placeholders: the data runs to the end. */
    static Clip parseWav(byte[] wav) throws MediaException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 44 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new MediaException(Reason.TTS_FAILED, "espeak-ng produced no WAV output");
        }
        int pos = 12;
        int rate = 0;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x20746d66) {
                rate = b.getInt(pos + 12);
                if (b.getShort(pos + 10) != 1 || b.getShort(pos + 22) != 16) {
                    throw new MediaException(Reason.TTS_FAILED, "espeak-ng WAV is not 16-bit mono");
                }
            } else if (id == 0x61746164) {
                int start = pos + 8;
                int count = (wav.length - start) / 2;
                short[] samples = new short[count];
                b.position(start);
                b.asShortBuffer().get(samples);
                if (rate <= 0) {
                    throw new MediaException(Reason.TTS_FAILED, "espeak-ng WAV has no format chunk");
                }
                return new Clip(samples, rate);
            }
            pos += 8 + Math.max(0, size);
        }
        throw new MediaException(Reason.TTS_FAILED, "espeak-ng WAV has no data");
    }
}

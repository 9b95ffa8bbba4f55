package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a speech engine's program: input on stdin (so text can never become an option), stdout returned, stderr kept
 * for the error message, a time limit, and the process killed whatever happens.
 */
final class ProcessRunner {

    private static final long TIMEOUT_SECONDS = 60;

    private ProcessRunner() {
    }

    static byte[] run(String engine, List<String> command, byte[] stdin, String installHint) throws MediaException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "cannot run " + command.get(0) + ": " + e.getMessage()
                    + "; " + installHint, e);
        }
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errDrain = drain(process.getErrorStream(), err, engine);
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // The program may exit before reading everything; its exit code and stderr tell why.
            }
            byte[] out;
            try (InputStream o = process.getInputStream()) {
                out = o.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new MediaException(Reason.TTS_FAILED, engine + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            errDrain.join(1000);
            if (process.exitValue() != 0) {
                String detail = err.toString(StandardCharsets.UTF_8).strip();
                throw new MediaException(Reason.TTS_FAILED, engine + " failed (exit " + process.exitValue() + ")"
                        + (detail.isEmpty() ? "" : ": " + abbreviate(detail)));
            }
            return out;
        } catch (IOException e) {
            throw new MediaException(Reason.TTS_FAILED, engine + " I/O failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(Reason.CANCELLED, "interrupted while speaking", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static Thread drain(InputStream stream, ByteArrayOutputStream sink, String engine) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (stream) {
                int n;
                while ((n = stream.read(buffer)) > 0) {
                    synchronized (sink) {
                        if (sink.size() < 4096) {
                            sink.write(buffer, 0, n);
                        }
                    }
                }
            } catch (IOException ignored) {
                // The exit code reports failures; stderr only has to be emptied so the process cannot block.
            }
        }, engine + "-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}

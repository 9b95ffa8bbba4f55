package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a speech engine's program: input on stdin (so text can never become an option), stdout returned, stderr kept
 * for the error message, a time limit, and the process killed whatever happens.
 */
final class ProcessRunner {

    private static final long TIMEOUT_SECONDS = 60;

    /** Daemon threads: a reader blocked on a killed program must never keep the JVM alive. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "speech-process-reader");
        t.setDaemon(true);
        return t;
    });

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // A program still running when the JVM exits would otherwise live on as an orphan (and a looping one
        // spins a core until someone kills it).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "speech-process-reaper"));
    }

    private ProcessRunner() {
    }

    static byte[] run(String engine, List<String> command, byte[] stdin, String installHint) throws MediaException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
            LIVE.add(process);
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
            // stdout is read on its own thread so that the timeout also bounds a program that never closes it
            // (Festival's diphone voices loop forever on some inputs); the finally block then kills it.
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try (InputStream o = process.getInputStream()) {
                    return o.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, READERS);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new MediaException(Reason.TTS_FAILED, engine + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            byte[] output;
            try {
                output = out.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new MediaException(Reason.TTS_FAILED, engine + " I/O failed: " + e.getMessage(), e);
            }
            errDrain.join(1000);
            if (process.exitValue() != 0) {
                String detail = err.toString(StandardCharsets.UTF_8).strip();
                throw new MediaException(Reason.TTS_FAILED, engine + " failed (exit " + process.exitValue() + ")"
                        + (detail.isEmpty() ? "" : ": " + abbreviate(detail)));
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(Reason.CANCELLED, "interrupted while speaking", e);
        } finally {
            process.destroyForcibly();
            LIVE.remove(process);
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

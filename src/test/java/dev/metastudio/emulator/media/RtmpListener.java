package dev.metastudio.emulator.media;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real RTMP server for tests: the ffmpeg program that ships inside the JavaCV FFmpeg jar, in listen mode, copying
 * what is published to it into an FLV file. No fallback: if the program cannot be extracted or started, the test
 * fails saying so.
 */
public final class RtmpListener implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final Path log;

    private RtmpListener(Process process, Path output, Path log) {
        this.process = process;
        this.output = output;
        this.log = log;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static String url(int port) {
        return "rtmp://127.0.0.1:" + port + "/live/x";
    }

    /** Starts {@code ffmpeg -listen 1 -i rtmp://127.0.0.1:port/live/x -c copy output.flv}. */
    public static RtmpListener start(int port, Path output) throws Exception {
        String ffmpeg;
        try {
            ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        } catch (Throwable t) {
            throw new AssertionError("cannot extract the ffmpeg program from the JavaCV FFmpeg jar: " + t, t);
        }
        Path log = output.resolveSibling(output.getFileName() + ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(ffmpeg, "-hide_banner", "-loglevel", "warning", "-y",
                "-listen", "1", "-timeout", "30", "-i", url(port), "-c", "copy", output.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The program links the FFmpeg libraries extracted beside it.
        String libs = Path.of(ffmpeg).getParent().toString();
        String old = System.getenv("LD_LIBRARY_PATH");
        pb.environment().put("LD_LIBRARY_PATH", old == null || old.isBlank() ? libs : libs + ":" + old);
        Process p = pb.start();
        return new RtmpListener(p, output, log);
    }

    public Path output() {
        return output;
    }

    /** Waits for ffmpeg to end (it does when the publisher closes); returns its exit code. */
    public int awaitExit(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the RTMP listener did not end within " + seconds + " s; its log: " + log());
        }
        return process.exitValue();
    }

    /** The server going away abruptly, as a crashed origin would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}

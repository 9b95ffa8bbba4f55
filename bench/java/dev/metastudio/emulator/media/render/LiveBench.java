package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.encode.LinkState;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import org.bytedeco.javacpp.Loader;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The live-stream demo: a presenter speaks a text for 60 s (of wall-clock time) at 25 fps in real time, encoded once to
 * HLS segments and pushed over RTMP to a real server (the ffmpeg program of the JavaCV jar in listen mode). Prints the
 * frames made (1500 ± 5 expected after 60 s), how many pictures were dropped to keep up with the clock, the drift,
 * and what the server received.
 *
 * <pre>bench/live.sh [seconds] [width] [height]</pre>
 */
public final class LiveBench {

    private static final String TEXT = "Good evening and welcome to the evening news, live. Tonight we look at how "
            + "virtual presenters are made, frame by frame. Every picture you see is drawn by the emulator itself, and "
            + "the voice comes from a speech engine running on the same machine. The mouth follows the sound, the eyes "
            + "blink now and then, and the head moves a little, as people do. ";

    private LiveBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 720;
        Path work = Files.createTempDirectory("live-bench-");
        try {
            run(work, seconds, width, height);
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path work, int seconds, int width, int height) throws Exception {
        Path background = work.resolve("background.jpg");
        BufferedImage bg = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = bg.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x2B5876), 1920, 1080, new Color(0x4E4376)));
        g.fillRect(0, 0, 1920, 1080);
        g.dispose();
        ImageIO.write(bg, "jpg", background.toFile());

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "rtmp://127.0.0.1:" + port + "/live/demo";
        Path received = work.resolve("received.flv");
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        ProcessBuilder pb = new ProcessBuilder(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-listen",
                "1", "-timeout", "60", "-i", url, "-c", "copy", received.toString()))
                .redirectErrorStream(true).redirectOutput(work.resolve("listener.log").toFile());
        pb.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
        Process listener = pb.start();

        RenderSpec spec = new RenderSpec(LayoutOrientation.LANDSCAPE, width, height, VideoCodec.H264, 2000,
                ClipMode.RESIZE, 0, 0, SubtitleStyle.defaults(), null, List.of(new Scene(
                new SpeechSource.Text(TEXT, Voice.of("EN", Sex.FEMALE), VoiceSettings.DEFAULT),
                List.of(new Background.Image(background)),
                List.of(new Layer.Human(new LayerBox(300, 0, 0, 0, 1), "anna", null),
                        new Layer.Text(new LayerBox(80, 120, 0, 0, 2), "LIVE · 直播", null, 48, "#FFFFFF")))));
        Path hls = work.resolve("hls");
        List<String> links = new ArrayList<>();
        StreamSink sink = new StreamSink(new StreamSink.Targets(url, hls, 2, 0, null,
                (state, detail) -> links.add(state.name()), Duration.ofSeconds(20)));
        LiveComposition live = LiveComposition.start(spec, sink, new LiveComposition.Options(true, 0, null), null);
        // The text again and again, so the presenter speaks for the whole minute.
        for (int i = 0; i < Math.max(1, seconds / 19); i++) {
            live.say(TEXT, SpeechPlacement.APPEND);
        }
        // Measured on the composition's own clock: from the moment frame 0 was due.
        LiveComposition.Stats at;
        while ((at = live.stats()).clockSeconds() < seconds) {
            Thread.sleep(Math.max(1, Math.min(500, (long) ((seconds - at.clockSeconds()) * 1000))));
        }
        double wall = at.clockSeconds();
        live.stop();
        listener.waitFor(30, TimeUnit.SECONDS);
        if (listener.isAlive()) {
            listener.destroyForcibly();
        }
        MediaInfo rtmp = Files.exists(received) ? MediaProbe.probe(received) : null;
        MediaInfo playlist = MediaProbe.probe(hls.resolve("index.m3u8"));
        List<Path> ts;
        try (Stream<Path> s = Files.list(hls)) {
            ts = s.filter(p -> p.toString().endsWith(".ts")).toList();
        }
        long segments = ts.size();
        long bytes = 0;
        for (Path p : ts) {
            bytes += Files.size(p);
        }
        System.out.printf(Locale.ROOT, "  %dx%d, %.1f s of wall clock after the composition started; link states %s%n",
                width, height, wall, links);
        System.out.printf(Locale.ROOT, "  rtmp received: %s; hls: %d segments, %.2f s, %d kbit/s (TS, all streams)%n",
                rtmp == null ? "nothing" : String.format(Locale.ROOT, "%s+%s %.2f s", rtmp.video().codec(),
                        rtmp.audio().codec(), rtmp.durationSeconds()),
                segments, playlist.durationSeconds(), (long) (bytes * 8 / Math.max(0.04, playlist.durationSeconds()) / 1000));
        System.out.printf(Locale.ROOT, "live-bench: frames=%d written=%d dropped=%d drift_frames=%d expected=%d "
                        + "link=%s%n", at.frames(), at.written(), at.dropped(), at.driftFrames(), seconds * 25L,
                at.link() == null ? LinkState.CLOSED : at.link());
    }
}

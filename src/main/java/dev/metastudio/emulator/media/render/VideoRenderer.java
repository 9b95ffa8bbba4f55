package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.audio.AudioDecoder;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.PcmWriter;
import dev.metastudio.emulator.media.image.Images;
import dev.metastudio.emulator.media.lipsync.LipSync;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import dev.metastudio.emulator.media.speech.Cue;
import dev.metastudio.emulator.media.speech.SpeechSynthesizer;
import dev.metastudio.emulator.media.speech.SpeechTrack;
import dev.metastudio.emulator.media.speech.SrtWriter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Renders a {@link RenderSpec} to a video file, a JPEG cover and (when scenes have text) an SRT file.
 *
 * <p>First every scene's speech is made (synthesized or decoded) into a scratch file, which fixes the length of each
 * scene and the total frame count; meanwhile a helper thread builds the first scene's still layers and sprites. Then
 * one thread composes frames and mixes their sound while the calling thread encodes; a few reusable frame buffers pass
 * between them, so memory does not depend on the video's length. The helper prepares each next scene in the
 * background.
 */
public final class VideoRenderer {

    private static final int BUFFERS = 3;
    private static final int MAX_COVER_WIDTH = 1920;

    private VideoRenderer() {
    }

    /** A frame on its way from the composer to the encoder; {@code last} marks the end of the stream. */
    private record Slot(ByteBuffer yuv, short[] audio, boolean last) {
    }

    /** {@code phones} empty: the mouth follows the audio (uploaded speech). */
    private record SceneSpeech(Path pcm, long samples, List<Cue> cues, List<PhoneTiming> phones, int frames,
                               long firstFrame) {
    }

    public static RenderResult render(RenderSpec spec, Path outputDir, RenderListener listener, RenderOptions options)
            throws MediaException {
        RenderOptions o = options == null ? RenderOptions.defaults() : options;
        validate(spec);
        Path temp = createTemp(o.tempDir());
        Path video = outputDir.resolve("video." + spec.codec().extension());
        Path cover = outputDir.resolve("cover.jpg");
        Path srt = outputDir.resolve("subtitles.srt");
        boolean done = false;
        try {
            Files.createDirectories(outputDir);
            Composed c = compose(spec, new FileSink(video, spec.codec(), o.encoder(), temp), listener, o, temp,
                    cover, srt);
            done = true;
            return new RenderResult(video, cover, c.subtitles, c.frames / (double) Pcm.FPS, c.frames, c.width,
                    c.height, spec.codec(), c.encoder);
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot write to " + outputDir + ": " + e.getMessage(), e);
        } finally {
            if (!done) {
                VideoEncoder.deleteQuietly(video);
                VideoEncoder.deleteQuietly(cover);
                VideoEncoder.deleteQuietly(srt);
            }
            deleteTree(temp);
        }
    }

    /**
     * Composes the video into any sink (a {@link StreamSink} plays it out as a stream, as fast as it is made) and
     * returns the number of frames. The spec's codec is ignored: the sink decides the encoding.
     */
    public static int render(RenderSpec spec, FrameSink sink, RenderListener listener, RenderOptions options)
            throws MediaException {
        RenderOptions o = options == null ? RenderOptions.defaults() : options;
        validate(spec);
        Path temp = createTemp(o.tempDir());
        try {
            return compose(spec, sink, listener, o, temp, null, null).frames;
        } finally {
            deleteTree(temp);
        }
    }

    private record Composed(int frames, int width, int height, Path subtitles, String encoder) {
    }

    /** Speech first (it fixes every scene's length), then composer and sink; the sink is closed in any case. */
    private static Composed compose(RenderSpec spec, FrameSink sink, RenderListener listener, RenderOptions o,
                                    Path temp, Path cover, Path srt) throws MediaException {
        RenderListener l = listener == null ? RenderListener.NONE : listener;
        int width = spec.width() & ~1;
        int height = spec.height() & ~1;
        // Scenes are prepared on a helper thread: the first while speech is synthesized, each next one while the
        // previous is composed, so neither the encoder nor the composer waits for sprites and plates.
        ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scene-preparer");
            t.setDaemon(true);
            return t;
        });
        Viewport viewport = Viewport.of(spec, width, height);
        Future<SceneStage> first = helper.submit(() -> SceneStage.build(spec, spec.scenes().get(0), viewport, width,
                height, 0));
        boolean handedOver = false;
        try (sink) {
            List<SceneSpeech> speech = speak(spec, temp, o, l);
            int total = speech.stream().mapToInt(SceneSpeech::frames).sum();
            Path subtitles = srt == null ? null : writeSubtitles(speech, srt);
            Composer composer = new Composer(spec, speech, width, height, total, viewport, helper, first, l, cover);
            handedOver = true;
            pipeline(composer, l, sink, () -> sink.open(width, height, spec.bitrateKbps()));
            return new Composed(total, width, height, subtitles, sink.encoderName());
        } finally {
            if (!handedOver) {
                Composer.discard(first);
            }
            helper.shutdownNow();
        }
    }

    static void validate(RenderSpec spec) throws MediaException {
        if (spec == null || spec.layout() == null || spec.codec() == null || spec.clipMode() == null) {
            throw new MediaException(Reason.INVALID_INPUT, "layout, codec and clip mode are required");
        }
        if (spec.width() < 16 || spec.height() < 16 || spec.width() > 3840 || spec.height() > 3840
                || (long) spec.width() * spec.height() > 3840L * 2160) {
            throw new MediaException(Reason.INVALID_INPUT, "output size " + spec.width() + "x" + spec.height()
                    + " is outside 16x16..3840x2160 / 2160x3840");
        }
        if (spec.bitrateKbps() < 40 || spec.bitrateKbps() > 30_000) {
            throw new MediaException(Reason.INVALID_INPUT, "bitrate " + spec.bitrateKbps() + " kbit/s is outside 40..30000");
        }
        if (spec.scenes().isEmpty()) {
            throw new MediaException(Reason.INVALID_INPUT, "a video needs at least one scene");
        }
        for (Scene s : spec.scenes()) {
            if (s.speech() == null) {
                throw new MediaException(Reason.INVALID_INPUT, "every scene needs a speech source");
            }
        }
    }

    private static List<SceneSpeech> speak(RenderSpec spec, Path temp, RenderOptions o, RenderListener l)
            throws MediaException {
        SpeechSynthesizer synthesizer = new SpeechSynthesizer(o.espeakExecutable());
        List<SceneSpeech> out = new ArrayList<>();
        long first = 0;
        int index = 0;
        for (Scene scene : spec.scenes()) {
            Path pcm = temp.resolve("speech-" + index++ + ".pcm");
            long samples;
            List<Cue> cues;
            List<PhoneTiming> phones = List.of();
            if (scene.speech() instanceof SpeechSource.Text t) {
                SpeechTrack track = synthesizer.synthesize(t.text(), t.voice(), t.settings() == null
                        ? dev.metastudio.emulator.media.speech.VoiceSettings.DEFAULT : t.settings(), pcm, l::cancelled);
                samples = track.samples();
                cues = track.cues();
                phones = track.phones();
            } else {
                samples = decodeSpeech(((SpeechSource.Audio) scene.speech()).file(), pcm, l);
                cues = null;
            }
            int frames = (int) Math.max(1, (samples + Pcm.SAMPLES_PER_FRAME - 1) / Pcm.SAMPLES_PER_FRAME);
            out.add(new SceneSpeech(pcm, samples, cues, phones, frames, first));
            first += frames;
        }
        return out;
    }

    private static long decodeSpeech(Path file, Path pcm, RenderListener l) throws MediaException {
        try (AudioDecoder decoder = AudioDecoder.open(file); PcmWriter out = new PcmWriter(pcm)) {
            short[] block = new short[Pcm.SAMPLE_RATE];
            int n;
            while ((n = decoder.read(block, block.length)) > 0) {
                if (l.cancelled()) {
                    throw new MediaException(Reason.CANCELLED, "cancelled while reading speech audio");
                }
                out.write(block, 0, n);
            }
            if (out.samples() == 0) {
                throw new MediaException(Reason.DECODE_FAILED, "speech audio " + file.getFileName() + " has no sound");
            }
            return out.samples();
        }
    }

    private static Path writeSubtitles(List<SceneSpeech> speech, Path srt) throws MediaException {
        List<Cue> all = new ArrayList<>();
        boolean anyText = false;
        for (SceneSpeech s : speech) {
            if (s.cues() != null) {
                anyText = true;
                double offset = s.firstFrame() / (double) Pcm.FPS;
                s.cues().forEach(c -> all.add(c.shifted(offset)));
            }
        }
        if (!anyText) {
            return null;
        }
        SrtWriter.write(all, srt);
        return srt;
    }

    /** Opening the sink, deferred so it can overlap the preparation of the first scene. */
    private interface SinkOpener {
        void open() throws MediaException;
    }

    /**
     * Runs composer and sink. The composer starts first, so its first frames are ready by the time the sink has
     * opened; it also writes the cover (if any) when it passes the cover frame.
     */
    private static void pipeline(Composer composer, RenderListener l, FrameSink sink, SinkOpener opener)
            throws MediaException {
        int total = composer.total;
        BlockingQueue<Slot> free = composer.free;
        BlockingQueue<Slot> ready = composer.ready;
        Thread thread = new Thread(composer, "video-composer");
        thread.setDaemon(true);
        thread.start();
        int encoded = 0;
        try {
            opener.open();
            while (true) {
                Slot slot = ready.take();
                if (slot.last()) {
                    break;
                }
                sink.frame(encoded, slot.yuv(), slot.audio());
                free.put(slot);
                l.progress(++encoded, total);
            }
            if (composer.failure == null && encoded == total) {
                sink.finish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(Reason.CANCELLED, "interrupted", e);
        } finally {
            composer.stop();
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (composer.failure != null) {
            throw composer.failure;
        }
        if (encoded != total) {
            throw new MediaException(Reason.INTERNAL, "encoded " + encoded + " of " + total + " frames");
        }
    }

    /** The composing thread: scene by scene, frame by frame, into the free buffers. */
    private static final class Composer implements Runnable {
        private final RenderSpec spec;
        private final List<SceneSpeech> speech;
        private final int width;
        private final int height;
        private final int total;
        private final int coverFrame;
        private final Viewport viewport;
        private final ExecutorService helper;
        private Future<SceneStage> first;
        private final BlockingQueue<Slot> free = new ArrayBlockingQueue<>(BUFFERS);
        private final BlockingQueue<Slot> ready = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final RenderListener listener;
        private final Path cover;
        private volatile boolean stopped;
        volatile MediaException failure;

        Composer(RenderSpec spec, List<SceneSpeech> speech, int width, int height, int total, Viewport viewport,
                 ExecutorService helper, Future<SceneStage> first, RenderListener listener, Path cover) {
            this.spec = spec;
            this.speech = speech;
            this.width = width;
            this.height = height;
            this.total = total;
            this.coverFrame = Math.min(total - 1, Pcm.FPS);
            this.viewport = viewport;
            this.helper = helper;
            this.first = first;
            this.listener = listener;
            this.cover = cover;
            for (int i = 0; i < BUFFERS; i++) {
                free.add(new Slot(ByteBuffer.allocateDirect(width * height * 3 / 2),
                        new short[Pcm.SAMPLES_PER_FRAME], false));
            }
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            FrameCompositor compositor = new FrameCompositor(width, height);
            Future<SceneStage> next = first;
            first = null;
            try (AudioMixer.Music music = spec.music() == null ? null
                    : new AudioMixer.Music(spec.music().file(), spec.music().volume())) {
                for (int i = 0; i < speech.size() && !stopped; i++) {
                    SceneStage stage = await(next);
                    int following = i + 1;
                    next = following < speech.size() ? helper.submit(() -> prepare(following)) : null;
                    try (stage) {
                        if (i == 0) {
                            attach(stage, 0);
                        }
                        composeScene(i, stage, compositor, music);
                    }
                }
            } catch (MediaException e) {
                failure = e;
            } catch (InterruptedException e) {
                if (!stopped) {
                    failure = new MediaException(Reason.CANCELLED, "interrupted", e);
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                failure = new MediaException(Reason.INTERNAL, "rendering failed: " + e, e);
            } finally {
                discard(next);
                compositor.dispose();
                ready.offer(new Slot(null, null, true));
            }
        }

        private SceneStage prepare(int index) throws MediaException {
            SceneStage stage = SceneStage.build(spec, spec.scenes().get(index), viewport, width, height,
                    speech.get(index).firstFrame());
            try {
                attach(stage, index);
                return stage;
            } catch (MediaException | RuntimeException e) {
                stage.close();
                throw e;
            }
        }

        private void attach(SceneStage stage, int index) throws MediaException {
            SceneSpeech s = speech.get(index);
            stage.attachSpeech(LipSync.visemes(s.pcm(), s.phones(), s.frames()), s.cues());
        }

        private static SceneStage await(Future<SceneStage> future) throws MediaException, InterruptedException {
            try {
                return future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof MediaException m) {
                    throw m;
                }
                throw new MediaException(Reason.INTERNAL, "scene preparation failed: " + e.getCause(), e.getCause());
            }
        }

        /** A stage prepared for nothing (the render stopped) still holds decoders that must be closed. */
        static void discard(Future<SceneStage> future) {
            if (future == null || future.cancel(true)) {
                return;
            }
            try {
                future.get().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                // It failed or never ran: nothing is open.
            }
        }

        private void composeScene(int index, SceneStage stage, FrameCompositor compositor, AudioMixer.Music music)
                throws MediaException, InterruptedException {
            SceneSpeech s = speech.get(index);
            try (AudioMixer mixer = new AudioMixer(s.pcm(), music)) {
                for (SceneStage.VideoSound v : stage.videoSounds()) {
                    mixer.addVideo(v.file(), v.loopCount());
                }
                compositor.setScene(stage.base(), stage.stack(), index + 1L);
                for (int f = 0; f < s.frames(); f++) {
                    if (stopped) {
                        return;
                    }
                    if (listener.cancelled()) {
                        throw new MediaException(Reason.CANCELLED, "render cancelled at frame " + (s.firstFrame() + f));
                    }
                    compositor.render(f);
                    if (cover != null && s.firstFrame() + f == coverFrame) {
                        writeCover(compositor.canvas(), cover);
                    }
                    Slot slot = free.take();
                    compositor.copyYuv(slot.yuv());
                    mixer.next(slot.audio());
                    ready.put(slot);
                }
            }
        }
    }

    private static void writeCover(BufferedImage frame, Path cover) throws MediaException {
        BufferedImage picture = frame;
        if (picture.getWidth() > MAX_COVER_WIDTH) {
            int h = Math.round(picture.getHeight() * (MAX_COVER_WIDTH / (float) picture.getWidth()));
            picture = Images.scale(picture, MAX_COVER_WIDTH, h);
        }
        Images.writeJpeg(picture, cover, 0.9f);
    }

    static Path createTemp(Path dir) throws MediaException {
        try {
            return dir == null ? Files.createTempDirectory("metastudio-render-")
                    : Files.createTempDirectory(Files.createDirectories(dir), "metastudio-render-");
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot create a scratch directory: " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(VideoEncoder::deleteQuietly);
        } catch (IOException ignored) {
            // Scratch files left in the temp dir are harmless.
        }
    }
}

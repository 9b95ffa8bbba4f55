package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.encode.LinkState;
import dev.metastudio.emulator.media.lipsync.MouthTrack;
import dev.metastudio.emulator.media.speech.Cue;
import dev.metastudio.emulator.media.speech.SpeechSynthesizer;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;


/**
 * A presenter on air: one scene (backgrounds, layers, presenter, subtitles, music) composed frame by frame, 25 per
 * second, into a {@link FrameSink}, for as long as it runs. Speech is queued while it plays and spoken as soon as its
 * first sentence is synthesized; with nothing to say the presenter idles (breathes, blinks, mouth closed). With
 * real-time pacing frame n goes out at t0 + n * 40 ms; a frame whose time has passed by more than two frames is
 * dropped (its picture is not encoded, its sound is: the sound never breaks) so the stream catches up with the clock.
 * Without pacing it runs as fast as it can and waits for speech still being synthesized instead of filling the wait
 * with silence. Stream time is the frame number: all events are reported in frames.
 *
 * <p>This is what a live job drives: {@link #start}, {@link #say} (APPEND, INSERT, PLAY_NOW), {@link #stats},
 * {@link #stop}.
 */
public final class LiveComposition implements AutoCloseable {

    /** Late by more than this, a frame's picture is dropped. */
    private static final long DROP_AFTER_NANOS = 2 * FramePacer.FRAME_NANOS;

    /**
     * @param realTime   hold the output to the wall clock (a stream); false: as fast as it can (tests, renders)
     * @param stopAfter  end by itself after this many frames (0: run until {@link #stop})
     * @param espeak     espeak-ng executable (null: "espeak-ng")
     */
    public record Options(boolean realTime, long stopAfter, String espeak) {
    }

    /** Stream-time events, called on the composing thread; must return quickly. */
    public interface Events {
        /** An utterance's first sentence started playing at {@code frame}; it was asked for at {@code requestedAt}. */
        default void started(long utterance, long frame, long requestedAt) {
        }

        /** It ended at {@code frame}: spoken to the end, or cut off by a PLAY_NOW. */
        default void ended(long utterance, long frame, boolean interrupted) {
        }

        Events NONE = new Events() {
        };
    }

    /**
     * @param frames     frames of stream time so far (written + dropped)
     * @param written    frames whose picture was encoded
     * @param dropped    frames whose picture was dropped to keep up with the clock
     * @param driftFrames frames the clock expects minus frames made (real time only; 0 otherwise)
     * @param link       the RTMP push's state, null without one
     * @param speaking   whether speech is playing or waiting to be played
     * @param clockSeconds wall-clock seconds since frame 0 was due (real time only; 0 otherwise)
     */
    public record Stats(long frames, long written, long dropped, long driftFrames, LinkState link, boolean speaking,
                        double clockSeconds) {
    }

    private final RenderSpec spec;
    private final FrameSink sink;
    private final Options options;
    private final Events events;
    private final SpeechQueue speech;
    private final Voice defaultVoice;
    private final VoiceSettings defaultSettings;
    private final FramePacer pacer = FramePacer.wallClock();
    private final AtomicLong frames = new AtomicLong();
    /** Frames composed (a few ahead of {@link #frames}): the stream time at which new speech takes effect. */
    private final AtomicLong composed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopping;
    private volatile MediaException failure;
    private Thread thread;

    private LiveComposition(RenderSpec spec, FrameSink sink, Options options, Events events) {
        this.spec = spec;
        this.sink = sink;
        this.options = options;
        this.events = events == null ? Events.NONE : events;
        this.speech = new SpeechQueue(new SpeechSynthesizer(options.espeak()));
        SpeechSource.Text text = spec.scenes().get(0).speech() instanceof SpeechSource.Text t ? t : null;
        this.defaultVoice = text == null ? null : text.voice();
        this.defaultSettings = text == null || text.settings() == null ? VoiceSettings.DEFAULT : text.settings();
    }

    /**
     * Opens the sink and starts composing the spec's first scene. If that scene's speech is a non-blank text, it is the
     * first thing said; its voice is the default for {@link #say}.
     */
    public static LiveComposition start(RenderSpec spec, FrameSink sink, Options options, Events events)
            throws MediaException {
        VideoRenderer.validate(spec);
        LiveComposition live = new LiveComposition(spec, sink, options, events);
        try {
            if (spec.scenes().get(0).speech() instanceof SpeechSource.Text t && t.text() != null
                    && !t.text().isBlank()) {
                live.speech.enqueue(t.text(), t.voice(), live.defaultSettings, SpeechPlacement.APPEND, () -> 0);
            }
            sink.open(spec.width() & ~1, spec.height() & ~1, spec.bitrateKbps());
        } catch (MediaException | RuntimeException e) {
            live.speech.close();
            sink.close();
            throw e;
        }
        live.thread = new Thread(live::run, "live-composer");
        live.thread.setDaemon(true);
        live.thread.start();
        return live;
    }

    /** Queues speech in the scene's voice. */
    public long say(String text, SpeechPlacement placement) throws MediaException {
        if (defaultVoice == null) {
            throw new MediaException(Reason.INVALID_INPUT, "the live scene has no voice; give one");
        }
        return say(text, defaultVoice, defaultSettings, placement);
    }

    /** Queues speech (text or SSML); bad SSML or a voice no engine has fails here. Returns the utterance id. */
    public long say(String text, Voice voice, VoiceSettings settings, SpeechPlacement placement)
            throws MediaException {
        if (stopping) {
            throw new MediaException(Reason.INVALID_INPUT, "the stream has stopped");
        }
        return speech.enqueue(text, voice, settings, placement, composed::get);
    }

    /**
     * Queues sound already decoded (48 kHz mono {@link Pcm}, e.g. an INSERT_PLAY_AUDIO file) as an utterance: played
     * as it is, the mouth following its loudness as for uploaded speech. Returns the utterance id.
     */
    public long play(short[] samples, SpeechPlacement placement) throws MediaException {
        if (stopping) {
            throw new MediaException(Reason.INVALID_INPUT, "the stream has stopped");
        }
        if (samples.length == 0) {
            throw new MediaException(Reason.DECODE_FAILED, "the audio has no sound");
        }
        return speech.enqueue(SpeechQueue.audio(samples), placement, composed::get);
    }

    /**
     * Shows an image (PNG/JPEG, alpha kept) placed by {@code box} (layout pixels) above the whole picture from the next
     * composed frame for {@code frames} frames, then removes it (a timed SHOW_LAYER overlay). Returns its id, or -1
     * when the box lies outside the picture.
     */
    public long showImage(java.nio.file.Path file, LayerBox box, long frames) throws MediaException {
        if (stopping) {
            throw new MediaException(Reason.INVALID_INPUT, "the stream has stopped");
        }
        int width = spec.width() & ~1;
        int height = spec.height() & ~1;
        LiveOverlay overlay = LiveOverlay.of(overlayIds.incrementAndGet(), file, box, Viewport.of(spec, width, height),
                width, height, Math.max(1, frames));
        if (overlay == null) {
            return -1;
        }
        overlays.add(overlay);
        return overlay.id;
    }

    /** Removes an overlay before its time; false when it is gone already. */
    public boolean hideImage(long overlay) {
        return overlays.removeIf(o -> o.id == overlay);
    }

    /** Overlays shown or still to be shown. */
    public int overlays() {
        return overlays.size();
    }

    private final java.util.concurrent.CopyOnWriteArrayList<LiveOverlay> overlays =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong overlayIds = new AtomicLong();

    /** Drops queued speech that has not started playing; false when it has started or ended. */
    public boolean cancel(long utterance) {
        return speech.cancel(utterance);
    }

    public Stats stats() {
        long made = frames.get();
        long drift = options.realTime() ? pacer.framesDue() - made : 0;
        LinkState link = sink instanceof StreamSink s ? s.linkState() : null;
        double clock = options.realTime() ? pacer.elapsedNanos() / 1e9 : 0;
        return new Stats(made, written.get(), dropped.get(), drift, link, speech.pending() > 0, clock);
    }

    /** Waits (at most {@code millis}) for the composition to end by itself ({@code stopAfter}); true if it did. */
    public boolean await(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** Ends the stream after the current frame, completes the outputs and reports a failure of the composition. */
    public Stats stop() throws MediaException {
        stopping = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(Reason.CANCELLED, "interrupted while stopping", e);
        }
        if (failure != null) {
            throw failure;
        }
        return stats();
    }

    @Override
    public void close() {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A composed frame on its way to the sink; {@code number} -1 marks the end. */
    private record Slot(ByteBuffer yuv, short[] audio, long[] number) {
    }

    /** Frames composed ahead of the output at most: PLAY_NOW and new speech take effect this much later. */
    private static final int AHEAD = 3;

    /**
     * Composes on this thread while a second one paces and encodes ({@link #output}), so composing and encoding use
     * two cores. The composer runs at most {@link #AHEAD} frames ahead of the output.
     */
    private void run() {
        int width = spec.width() & ~1;
        int height = spec.height() & ~1;
        FrameCompositor compositor = new FrameCompositor(width, height);
        BlockingQueue<Slot> free = new ArrayBlockingQueue<>(AHEAD);
        BlockingQueue<Slot> ready = new ArrayBlockingQueue<>(AHEAD + 1);
        for (int i = 0; i < AHEAD; i++) {
            free.add(new Slot(ByteBuffer.allocateDirect(width * height * 3 / 2), new short[Pcm.SAMPLES_PER_FRAME],
                    new long[1]));
        }
        Thread out = new Thread(() -> output(free, ready), "live-encoder");
        out.setDaemon(true);
        Player player = new Player();
        // The sink is closed last, in finally, once the output thread (its only user) has ended.
        try (speech;
             SceneStage stage = SceneStage.build(spec, spec.scenes().get(0), Viewport.of(spec, width, height), width,
                     height, 0);
             AudioMixer.Music music = spec.music() == null ? null
                     : new AudioMixer.Music(spec.music().file(), spec.music().volume())) {
            out.start();
            stage.attachSentence(MouthTrack.silent(), 0, List.of());
            compositor.setScene(stage.base(), stage.stack(), 1);
            double[] mix = new double[Pcm.SAMPLES_PER_FRAME];
            short[] scratch = new short[Pcm.SAMPLES_PER_FRAME];
            for (long n = 0; !stopping && !outputBroken && (options.stopAfter() <= 0 || n < options.stopAfter());
                 n++) {
                Slot slot = take(free);
                if (slot == null) {
                    break;
                }
                player.advance(n, stage);
                player.fill(mix);
                if (music != null) {
                    music.addTo(mix, scratch);
                }
                short[] sound = slot.audio();
                for (int i = 0; i < sound.length; i++) {
                    sound[i] = Pcm.softClip(mix[i]);
                }
                compositor.render((int) n);
                compositor.copyYuv(slot.yuv());
                for (LiveOverlay o : overlays) {
                    if (o.fromFrame < 0) {
                        o.fromFrame = n;
                    }
                    if (n >= o.fromFrame + o.frames) {
                        overlays.remove(o);
                    } else {
                        o.blend(slot.yuv(), width, height);
                    }
                }
                slot.number()[0] = n;
                ready.put(slot);
                composed.set(n + 1);
            }
            ready.put(new Slot(null, null, new long[]{-1}));
            out.join();
        } catch (MediaException e) {
            failure = e;
        } catch (InterruptedException e) {
            if (!stopping) {
                failure = new MediaException(Reason.CANCELLED, "interrupted", e);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = new MediaException(Reason.INTERNAL, "live composition failed: " + e, e);
        } finally {
            if (out.isAlive()) {
                outputBroken = true;
                out.interrupt();
                try {
                    out.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sink.close();
            compositor.dispose();
            if (failure == null && outputFailure != null) {
                failure = outputFailure;
            }
        }
    }

    /** A free slot, or null once the output has failed. */
    private Slot take(BlockingQueue<Slot> free) throws InterruptedException {
        Slot slot;
        while ((slot = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
            if (outputBroken || stopping) {
                return null;
            }
        }
        return slot;
    }

    /**
     * The output thread: waits for each frame's time (real time), drops the picture of a frame found more than two
     * frames late, hands the frame to the sink, and finishes the sink after the last one.
     */
    private void output(BlockingQueue<Slot> free, BlockingQueue<Slot> ready) {
        try {
            while (true) {
                Slot slot = ready.take();
                long n = slot.number()[0];
                if (n < 0) {
                    break;
                }
                boolean drop = options.realTime() && pacer.awaitFrame(n) > DROP_AFTER_NANOS;
                if (drop) {
                    sink.frame(n, null, slot.audio());
                    dropped.incrementAndGet();
                } else {
                    sink.frame(n, slot.yuv(), slot.audio());
                    written.incrementAndGet();
                }
                frames.set(n + 1);
                free.put(slot);
            }
            sink.finish();
        } catch (MediaException e) {
            outputFailure = e;
        } catch (InterruptedException e) {
            if (!stopping) {
                outputFailure = new MediaException(Reason.CANCELLED, "interrupted", e);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            outputFailure = new MediaException(Reason.INTERNAL, "live output failed: " + e, e);
        } finally {
            outputBroken = true;
        }
    }

    private volatile boolean outputBroken;
    private volatile MediaException outputFailure;

    /** The composing thread's view of the speech: the sentence playing, and where in it. */
    private final class Player {
        private SpeechQueue.Ready current;
        private int position;

        /** At the start of frame n: interruptions, the end of a sentence, the next one. */
        void advance(long n, SceneStage stage) {
            List<Long> cut = speech.takeInterrupt();
            if (!cut.isEmpty()) {
                cut.forEach(id -> events.ended(id, n, true));
                current = null;
                stage.attachSentence(MouthTrack.silent(), n, List.of());
            }
            if (current != null && position >= current.sentence().samples().length) {
                current = null;
            }
            if (current == null) {
                // Held to the clock, a sentence not spoken yet is silence; otherwise the stream waits for it.
                SpeechQueue.Step step = speech.nextSentence(!options.realTime(), () -> stopping);
                step.ended().forEach(id -> events.ended(id, n, false));
                if (step.sentence() != null) {
                    current = step.sentence();
                    position = 0;
                    double offset = n / (double) Pcm.FPS;
                    List<Cue> cues = new ArrayList<>();
                    current.sentence().cues().forEach(c -> cues.add(c.shifted(offset)));
                    stage.attachSentence(current.mouth(), n, cues);
                    if (current.first()) {
                        events.started(current.utterance(), n, current.requestedAtFrame());
                    }
                }
            }
            MediaException f = speech.takeFailure();
            if (f != null && failure == null) {
                // A sentence that cannot be spoken is skipped; the stream goes on (the live job may report it).
                lastSpeechFailure = f;
            }
        }

        void fill(double[] mix) {
            java.util.Arrays.fill(mix, 0);
            if (current == null) {
                return;
            }
            short[] s = current.sentence().samples();
            int n = Math.min(mix.length, s.length - position);
            for (int i = 0; i < n; i++) {
                mix[i] = s[position + i];
            }
            position += mix.length;
        }
    }

    private volatile MediaException lastSpeechFailure;

    /** The last speech that could not be synthesized (and was skipped), or null. */
    public MediaException lastSpeechFailure() {
        return lastSpeechFailure;
    }
}

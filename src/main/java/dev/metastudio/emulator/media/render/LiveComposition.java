package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.encode.LinkState;
import dev.metastudio.emulator.media.lipsync.Viseme;
import dev.metastudio.emulator.media.speech.Cue;
import dev.metastudio.emulator.media.speech.SpeechSynthesizer;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
        return speech.enqueue(text, voice, settings, placement, frames::get);
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

    private void run() {
        int width = spec.width() & ~1;
        int height = spec.height() & ~1;
        FrameCompositor compositor = new FrameCompositor(width, height);
        ByteBuffer yuv = ByteBuffer.allocateDirect(width * height * 3 / 2);
        short[] sound = new short[Pcm.SAMPLES_PER_FRAME];
        Player player = new Player();
        boolean finished = false;
        try (sink; speech;
             SceneStage stage = SceneStage.build(spec, spec.scenes().get(0), Viewport.of(spec, width, height), width,
                     height, 0);
             AudioMixer.Music music = spec.music() == null ? null
                     : new AudioMixer.Music(spec.music().file(), spec.music().volume())) {
            stage.attachSentence(new Viseme[0], 0, List.of());
            compositor.setScene(stage.base(), stage.stack(), 1);
            double[] mix = new double[Pcm.SAMPLES_PER_FRAME];
            short[] scratch = new short[Pcm.SAMPLES_PER_FRAME];
            for (long n = 0; !stopping && (options.stopAfter() <= 0 || n < options.stopAfter()); n++) {
                player.advance(n, stage);
                player.fill(mix);
                if (music != null) {
                    music.addTo(mix, scratch);
                }
                for (int i = 0; i < sound.length; i++) {
                    sound[i] = Pcm.softClip(mix[i]);
                }
                boolean drop = false;
                if (options.realTime()) {
                    drop = pacer.awaitFrame(n) > DROP_AFTER_NANOS;
                }
                if (drop) {
                    sink.frame(n, null, sound);
                    dropped.incrementAndGet();
                } else {
                    compositor.render((int) n);
                    compositor.copyYuv(yuv);
                    sink.frame(n, yuv, sound);
                    written.incrementAndGet();
                }
                frames.set(n + 1);
            }
            sink.finish();
            finished = true;
        } catch (MediaException e) {
            failure = e;
        } catch (InterruptedException e) {
            if (!stopping) {
                failure = new MediaException(Reason.CANCELLED, "interrupted", e);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = new MediaException(Reason.INTERNAL, "live composition failed: " + e, e);
        } finally {
            compositor.dispose();
            if (!finished && failure == null && !stopping) {
                failure = new MediaException(Reason.INTERNAL, "live composition ended early");
            }
        }
    }

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
                stage.attachSentence(new Viseme[0], n, List.of());
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
                    stage.attachSentence(current.visemes(), n, cues);
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

package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.lipsync.MouthTrack;
import dev.metastudio.emulator.media.speech.SpeechSynthesizer;
import dev.metastudio.emulator.media.speech.SpokenSentence;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;


/**
 * What a live presenter is going to say: utterances in play order, each synthesized sentence by sentence ahead of its
 * playing by two worker threads, so speech starts as soon as its first sentence is ready and an utterance put first
 * (PLAY_NOW) does not wait behind the synthesis of the others. Workers look ahead at most about ten seconds of speech
 * per utterance. The composing thread takes sentences with {@link #nextSentence}; everything else is thread-safe.
 */
final class SpeechQueue implements AutoCloseable {

    /** A sentence ready to play: its sound, mouth shapes (one per frame) and cues (sentence time). */
    record Ready(long utterance, long requestedAtFrame, boolean first, SpokenSentence sentence, MouthTrack mouth) {
    }

    private static final int LOOKAHEAD_FRAMES = 250;
    private static final int WORKERS = 2;

    /** Where an utterance's sentences come from: synthesized text, or sound already decoded. */
    interface Source {
        boolean hasNext();

        SpokenSentence next() throws MediaException;
    }

    /** Decoded 48 kHz mono sound played as it is, in chunks of whole frames (the mouth follows its loudness). */
    static Source audio(short[] samples) {
        int chunk = Pcm.SAMPLES_PER_FRAME * 50;
        return new Source() {
            private int position;

            @Override
            public boolean hasNext() {
                return position < samples.length;
            }

            @Override
            public SpokenSentence next() {
                int n = Math.min(chunk, samples.length - position);
                short[] part = java.util.Arrays.copyOfRange(samples, position, position + n);
                position += n;
                return new SpokenSentence(part, List.of(), List.of());
            }
        };
    }

    private static Source of(SpeechSynthesizer.Sentences s) {
        return new Source() {
            @Override
            public boolean hasNext() {
                return s.hasNext();
            }

            @Override
            public SpokenSentence next() throws MediaException {
                return s.next();
            }
        };
    }

    private final class Utterance {
        final long id;
        final Source sentences;
        final Deque<Ready> ready = new ArrayDeque<>();
        final long requestedAtFrame;
        int bufferedFrames;
        boolean busy;
        boolean synthesized;
        boolean cancelled;
        boolean started;
        int firstTaken;
        MediaException failure;

        Utterance(long id, Source sentences, long requestedAtFrame) {
            this.id = id;
            this.sentences = sentences;
            this.requestedAtFrame = requestedAtFrame;
            this.synthesized = !sentences.hasNext();
        }

        boolean finished() {
            return synthesized && ready.isEmpty() && !busy;
        }
    }

    private final SpeechSynthesizer synthesizer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Deque<Utterance> order = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<Thread> workers = new ArrayList<>();
    private Utterance playing;
    private MediaException unreported;
    private boolean interrupt;
    private boolean closed;

    SpeechQueue(SpeechSynthesizer synthesizer) {
        this.synthesizer = synthesizer;
        for (int i = 0; i < WORKERS; i++) {
            Thread t = new Thread(this::work, "live-speech-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /** Parses and routes the text now (bad SSML fails here, to the caller) and queues it; returns its id. */
    long enqueue(String text, Voice voice, VoiceSettings settings, SpeechPlacement placement, LongSupplier frame)
            throws MediaException {
        SpeechSynthesizer.Sentences sentences = synthesizer.sentences(text, voice,
                settings == null ? VoiceSettings.DEFAULT : settings);
        return enqueue(of(sentences), placement, frame);
    }

    /** Queues sound already decoded (48 kHz mono); returns its id. */
    long enqueue(Source sentences, SpeechPlacement placement, LongSupplier frame) {
        lock.lock();
        try {
            // Stream time of the request: when it joins the queue (after parsing), which is when it can take effect.
            Utterance u = new Utterance(ids.incrementAndGet(), sentences, frame.getAsLong());
            switch (placement) {
                case APPEND -> order.addLast(u);
                case INSERT -> order.addFirst(u);
                case PLAY_NOW -> {
                    order.addFirst(u);
                    interrupt = playing != null;
                }
            }
            work.signalAll();
            return u.id;
        } finally {
            lock.unlock();
        }
    }

    /** What the composing thread learns at a frame boundary. */
    record Step(Ready sentence, List<Long> ended, List<Long> interrupted, boolean waiting) {
    }

    /**
     * Called by the composing thread when it has nothing to play (its sentence ended, or a PLAY_NOW came): ends the
     * finished or interrupted utterance and hands over the next sentence if it is ready (else {@code waiting} is true
     * while speech is still being synthesized, false when there is nothing to say: the presenter idles).
     */
    Step nextSentence() {
        return nextSentence(false, () -> false);
    }

    /**
     * As {@link #nextSentence()}; with {@code block} it waits while speech is being synthesized instead of returning
     * {@code waiting} (a composition not held to the clock need not fill the wait with silence), until
     * {@code stop} says so.
     */
    Step nextSentence(boolean block, BooleanSupplier stop) {
        List<Long> ended = new ArrayList<>();
        List<Long> interrupted = new ArrayList<>();
        lock.lock();
        try {
            while (true) {
                if (playing == null) {
                    playing = order.pollFirst();
                    if (playing == null) {
                        return new Step(null, ended, interrupted, false);
                    }
                }
                Ready r = playing.ready.pollFirst();
                if (r != null) {
                    playing.bufferedFrames -= r.sentence().frames();
                    playing.started = true;
                    work.signalAll();
                    return new Step(r, ended, interrupted, false);
                }
                if (playing.finished() || playing.cancelled) {
                    ended.add(playing.id);
                    playing = null;
                    continue;
                }
                if (!block || interrupt || stop.getAsBoolean() || closed) {
                    return new Step(null, ended, interrupted, true);
                }
                try {
                    work.await(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Step(null, ended, interrupted, true);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** True once when a PLAY_NOW asks the composing thread to drop what it plays; that utterance is cancelled. */
    List<Long> takeInterrupt() {
        lock.lock();
        try {
            if (!interrupt) {
                return List.of();
            }
            interrupt = false;
            if (playing == null) {
                return List.of();
            }
            Utterance cut = playing;
            cut.cancelled = true;
            cut.ready.clear();
            playing = null;
            work.signalAll();
            return List.of(cut.id);
        } finally {
            lock.unlock();
        }
    }

    /** Drops an utterance that has not started playing (CLEAN_UP_INSERT_COMMAND); false when it has or is gone. */
    boolean cancel(long utterance) {
        lock.lock();
        try {
            for (Utterance u : order) {
                if (u.id == utterance) {
                    order.remove(u);
                    u.cancelled = true;
                    u.ready.clear();
                    work.signalAll();
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Utterances not yet finished (playing or waiting). */
    int pending() {
        lock.lock();
        try {
            return order.size() + (playing == null ? 0 : 1);
        } finally {
            lock.unlock();
        }
    }

    /** The last synthesis failure not yet reported (its utterance was skipped from there on), or null. */
    MediaException takeFailure() {
        lock.lock();
        try {
            MediaException f = unreported;
            unreported = null;
            return f;
        } finally {
            lock.unlock();
        }
    }

    private List<Utterance> candidates() {
        List<Utterance> list = new ArrayList<>();
        if (playing != null) {
            list.add(playing);
        }
        list.addAll(order);
        return list;
    }

    private void work() {
        while (true) {
            Utterance u;
            lock.lock();
            try {
                while ((u = pick()) == null) {
                    if (closed) {
                        return;
                    }
                    work.await();
                }
                u.busy = true;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            Ready ready = null;
            MediaException failure = null;
            try {
                SpokenSentence s = u.sentences.next();
                ready = new Ready(u.id, u.requestedAtFrame, u.firstTaken++ == 0, s, s.mouth());
            } catch (MediaException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new MediaException(MediaException.Reason.TTS_FAILED, "speech failed: " + e, e);
            }
            lock.lock();
            try {
                u.busy = false;
                if (failure != null) {
                    u.failure = failure;
                    unreported = failure;
                    u.synthesized = true;
                } else if (!u.cancelled) {
                    u.ready.addLast(ready);
                    u.bufferedFrames += ready.sentence().frames();
                    u.synthesized = !u.sentences.hasNext();
                }
                work.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The first utterance in play order that needs a sentence synthesized and that no worker has. */
    private Utterance pick() {
        if (closed) {
            return null;
        }
        for (Utterance u : candidates()) {
            // What a pending PLAY_NOW is about to cut off is not worth a worker.
            if (interrupt && u == playing) {
                continue;
            }
            if (!u.busy && !u.synthesized && !u.cancelled && u.bufferedFrames < LOOKAHEAD_FRAMES) {
                return u;
            }
        }
        return null;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        workers.forEach(Thread::interrupt);
    }
}

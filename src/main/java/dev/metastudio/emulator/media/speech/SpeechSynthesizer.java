package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.PcmWriter;
import dev.metastudio.emulator.media.audio.Resampler;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import dev.metastudio.emulator.media.speech.SpeechScript.Pause;
import dev.metastudio.emulator.media.speech.SpeechScript.Piece;
import dev.metastudio.emulator.media.speech.SpeechScript.Sentence;
import dev.metastudio.emulator.media.speech.SpeechScript.Utterance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Text or SSML to speech, sentence by sentence through the routed engine: resampled to 48 kHz, pitch shifted where the
 * engine cannot do it itself, volume applied. {@link #synthesize} appends the sentences to a file (only one sentence
 * is in memory at a time); {@link #sentences} hands them over one by one, for a live stream that speaks as it goes.
 */
public final class SpeechSynthesizer {

    private final VoiceRouter router;

    public SpeechSynthesizer(String espeakExecutable) {
        this(SpeechEngines.onPath(espeakExecutable));
    }

    public SpeechSynthesizer(SpeechEngines engines) {
        this.router = new VoiceRouter(engines);
    }

    /** The sentences of a text, spoken on demand. */
    public final class Sentences {
        private final SpeechScript script;
        private final VoiceRouter.Route route;
        private final VoiceSettings settings;
        private int next;

        private Sentences(SpeechScript script, VoiceRouter.Route route, VoiceSettings settings) {
            this.script = script;
            this.route = route;
            this.settings = settings;
        }

        public int count() {
            return script.sentences().size();
        }

        public boolean hasNext() {
            return next < count();
        }

        /** The engine and voice that speak ("festival:cmu_us_slt_arctic_hts"). */
        public String voice() {
            return route.describe();
        }

        public SpokenSentence next() throws MediaException {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException("no sentence left");
            }
            return speak(script.sentences().get(next++), route, settings);
        }
    }

    /** Parses and routes the text (so bad SSML or a missing engine fails before anything is spoken). */
    public Sentences sentences(String text, Voice voice, VoiceSettings settings) throws MediaException {
        settings.validate();
        SpeechScript script = SsmlParser.parse(text, VoiceRouter.readsChinese(voice));
        VoiceRouter.Route route = router.route(script.allText(), voice);
        // A trained timbre's own factors (1 for a preset) multiply the engine voice's and the request's.
        route = new VoiceRouter.Route(route.engine(), route.voice(), route.pitch() * voice.pitch(),
                route.rate() * voice.rate(), route.gain() * voice.gain());
        return new Sentences(script, route, settings);
    }

    public SpeechTrack synthesize(String text, Voice voice, VoiceSettings settings, Path pcmOut,
                                  BooleanSupplier cancelled) throws MediaException {
        Sentences sentences = sentences(text, voice, settings);
        List<Cue> cues = new ArrayList<>();
        List<PhoneTiming> phones = new ArrayList<>();
        try (PcmWriter out = new PcmWriter(pcmOut)) {
            while (sentences.hasNext()) {
                if (cancelled.getAsBoolean()) {
                    throw new MediaException(Reason.CANCELLED, "cancelled while synthesizing speech");
                }
                SpokenSentence s = sentences.next();
                double offset = Pcm.seconds(out.samples());
                s.cues().forEach(c -> cues.add(c.shifted(offset)));
                s.phones().forEach(p -> phones.add(p.shifted(offset)));
                out.write(s.samples(), 0, s.samples().length);
            }
            return new SpeechTrack(pcmOut, out.samples(), cues, phones, sentences.voice());
        }
    }

    private static SpokenSentence speak(Sentence sentence, VoiceRouter.Route route, VoiceSettings settings)
            throws MediaException {
        List<short[]> parts = new ArrayList<>();
        List<PhoneTiming> phones = new ArrayList<>();
        long length = 0;
        long start = -1;
        long end = -1;
        double pitch = settings.pitchFactor() * route.pitch();
        for (Piece piece : sentence.pieces()) {
            if (piece instanceof Pause p) {
                short[] silence = new short[(int) Pcm.samples(p.millis() / 1000.0)];
                parts.add(silence);
                length += silence.length;
            } else if (piece instanceof Utterance u) {
                double rate = settings.rateFactor() * route.rate() * u.rate();
                TtsEngine.Clip clip = route.engine().synthesize(new SpeechRequest(u.text(), route.voice(), rate, pitch,
                        u.pronunciations()));
                short[] native_ = clip.samples();
                double residual = pitch / clip.appliedPitch();
                if (Math.abs(residual - 1) > 1e-3) {
                    native_ = Psola.shift(native_, clip.sampleRate(), residual);
                }
                short[] samples = Resampler.resample(native_, clip.sampleRate(), Pcm.SAMPLE_RATE);
                applyGain(samples, settings.gain() * route.gain());
                int[] voiced = voicedRange(samples);
                if (start < 0) {
                    start = length + voiced[0];
                }
                end = length + voiced[1];
                double offset = Pcm.seconds(length);
                clip.phones().forEach(ph -> phones.add(ph.shifted(offset)));
                parts.add(samples);
                length += samples.length;
            }
        }
        short[] all = new short[(int) length];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        String display = SubtitleText.clean(sentence.display());
        List<Cue> cues = start >= 0 && !display.isEmpty()
                ? splitCue(Pcm.seconds(start), Pcm.seconds(Math.max(end, start + 1)), display) : List.of();
        return new SpokenSentence(all, cues, phones);
    }

    /**
     * Engines pad utterances with silence; the subtitle should appear with the voice, so its bounds are the first and
     * last samples louder than about -50 dBFS.
     */
    private static int[] voicedRange(short[] samples) {
        int threshold = 100;
        int first = 0;
        while (first < samples.length && Math.abs(samples[first]) < threshold) {
            first++;
        }
        int last = samples.length;
        while (last > first && Math.abs(samples[last - 1]) < threshold) {
            last--;
        }
        return first >= samples.length ? new int[]{0, samples.length} : new int[]{first, last};
    }

    static void applyGain(short[] samples, double gain) {
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Pcm.softClip(samples[i] * gain);
        }
    }

    /** A sentence's cues: split at its punctuation and to fit a line, none shorter than about a second. */
    static List<Cue> splitCue(double start, double end, String text) {
        return SubtitleSplitter.split(start, end, text);
    }

    static int displayWidth(String s) {
        return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}

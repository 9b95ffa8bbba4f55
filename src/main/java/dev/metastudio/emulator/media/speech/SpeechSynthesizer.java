package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.PcmWriter;
import dev.metastudio.emulator.media.audio.Resampler;
import dev.metastudio.emulator.media.speech.SpeechScript.Pause;
import dev.metastudio.emulator.media.speech.SpeechScript.Piece;
import dev.metastudio.emulator.media.speech.SpeechScript.Sentence;
import dev.metastudio.emulator.media.speech.SpeechScript.Utterance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Text or SSML to a speech {@link SpeechTrack}: sentence by sentence through the routed engine, resampled to 48 kHz,
 * volume applied, appended to a file. Only one sentence is in memory at a time.
 */
public final class SpeechSynthesizer {

    /** Subtitles longer than this are split into several cues (CJK characters count double). */
    private static final int MAX_CUE_WIDTH = 44;

    private final VoiceRouter router;

    public SpeechSynthesizer(String espeakExecutable) {
        this.router = new VoiceRouter(new FreeTtsEngine(), new EspeakEngine(espeakExecutable));
    }

    public SpeechTrack synthesize(String text, Voice voice, VoiceSettings settings, Path pcmOut,
                                  BooleanSupplier cancelled) throws MediaException {
        settings.validate();
        SpeechScript script = SsmlParser.parse(text, VoiceRouter.readsChinese(voice));
        VoiceRouter.Route route = router.route(script.allText(), voice);
        double pitch = settings.pitchFactor() * voice.basePitch() * route.sexPitch();
        List<Cue> cues = new ArrayList<>();
        try (PcmWriter out = new PcmWriter(pcmOut)) {
            for (Sentence sentence : script.sentences()) {
                if (cancelled.getAsBoolean()) {
                    throw new MediaException(Reason.CANCELLED, "cancelled while synthesizing speech");
                }
                long start = -1;
                long end = -1;
                for (Piece piece : sentence.pieces()) {
                    if (piece instanceof Pause p) {
                        out.writeSilence(Pcm.samples(p.millis() / 1000.0));
                    } else if (piece instanceof Utterance u) {
                        double rate = settings.rateFactor() * voice.baseRate() * u.rate();
                        TtsEngine.Clip clip = route.engine().synthesize(u.text(), route.voice(), rate, pitch);
                        short[] samples = Resampler.resample(clip.samples(), clip.sampleRate(), Pcm.SAMPLE_RATE);
                        applyGain(samples, settings.gain());
                        int[] voiced = voicedRange(samples);
                        if (start < 0) {
                            start = out.samples() + voiced[0];
                        }
                        end = out.samples() + voiced[1];
                        out.write(samples, 0, samples.length);
                    }
                }
                String display = SubtitleText.clean(sentence.display());
                if (start >= 0 && !display.isEmpty()) {
                    cues.addAll(splitCue(Pcm.seconds(start), Pcm.seconds(Math.max(end, start + 1)), display));
                }
            }
            return new SpeechTrack(pcmOut, out.samples(), cues);
        }
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

    /** Long sentences become several cues at word (or CJK character) boundaries, timed by their share of text. */
    static List<Cue> splitCue(double start, double end, String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int width = 0;
        for (String token : tokens(text)) {
            int w = displayWidth(token);
            if (width + w > MAX_CUE_WIDTH && current.length() > 0) {
                parts.add(current.toString().strip());
                current.setLength(0);
                width = 0;
            }
            current.append(token);
            width += w;
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        int total = parts.stream().mapToInt(SpeechSynthesizer::displayWidth).sum();
        List<Cue> cues = new ArrayList<>();
        double t = start;
        for (String part : parts) {
            double span = (end - start) * displayWidth(part) / Math.max(1, total);
            cues.add(new Cue(t, t + span, part));
            t += span;
        }
        return cues;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWide(cp)) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                tokens.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
                if (cp == ' ') {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        return tokens;
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

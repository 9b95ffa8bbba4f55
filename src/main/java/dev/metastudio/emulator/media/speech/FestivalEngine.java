package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import dev.metastudio.emulator.media.lipsync.PhoneVisemes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Festival (Debian package {@code festival}) run once per utterance on a Scheme script given on stdin: it selects the
 * voice, stretches durations for the rate, adds a lexicon entry per {@code <phoneme>}, synthesizes, writes the WAV to
 * a scratch file and prints every segment with its end time. The HTS voice {@code cmu_us_slt_arctic_hts}
 * (festvox-us-slt-hts) is the most natural English voice packaged in Debian; the diphone voices kal and ked
 * (festvox-kallpc16k, festvox-kdlpc16k) give male alternatives. Festival has no pitch control for HTS voices, so pitch
 * is always shifted afterwards.
 */
public final class FestivalEngine implements TtsEngine {

    public static final String SLT_HTS = "cmu_us_slt_arctic_hts";
    public static final String KAL = "kal_diphone";
    public static final String KED = "ked_diphone";
    public static final String INSTALL_HINT = "install Festival and its voices (Debian/Ubuntu: apt-get install festival "
            + "festvox-us-slt-hts festvox-kallpc16k festvox-kdlpc16k)";
    private static final String MARK = "@@ ";

    /** Voice lists by executable: asking Festival costs a process start, and the answer does not change. */
    private static final Map<String, Set<String>> VOICES = new ConcurrentHashMap<>();

    private final String executable;

    /** @param executable a path, or a bare name looked up on PATH; null means "festival" */
    public FestivalEngine(String executable) {
        this.executable = executable == null || executable.isBlank() ? "festival" : executable;
    }

    @Override
    public String name() {
        return "festival";
    }

    @Override
    public boolean available() {
        return Executables.resolve(executable) != null;
    }

    @Override
    public String installHint() {
        return INSTALL_HINT;
    }

    /** The voices Festival can select (its {@code voice.list}). */
    public Set<String> voices() throws MediaException {
        Set<String> known = VOICES.get(executable);
        if (known == null) {
            byte[] out = ProcessRunner.run(name(), List.of(command(), "--pipe"),
                    ("(format t \"" + MARK + "%l\\n\" (voice.list))\n").getBytes(StandardCharsets.UTF_8), INSTALL_HINT);
            known = new HashSet<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(MARK)) {
                    for (String v : line.substring(MARK.length()).replaceAll("[()]", " ").trim().split("\\s+")) {
                        if (!v.isEmpty()) {
                            known.add(v);
                        }
                    }
                }
            }
            VOICES.put(executable, Set.copyOf(known));
        }
        return known;
    }

    @Override
    public Clip synthesize(SpeechRequest request) throws MediaException {
        Path wav = null;
        try {
            wav = Files.createTempFile("festival-", ".wav");
            byte[] out = ProcessRunner.run(name(), List.of(command(), "--pipe"),
                    script(request, wav).getBytes(StandardCharsets.ISO_8859_1), INSTALL_HINT);
            WavData.Samples s = WavData.parse(Files.readAllBytes(wav), name());
            return new Clip(s.samples(), s.sampleRate(), segments(new String(out, StandardCharsets.ISO_8859_1)), 1.0);
        } catch (IOException e) {
            throw new MediaException(Reason.TTS_FAILED, "festival scratch file: " + e.getMessage(), e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // A leftover scratch file is harmless.
                }
            }
        }
    }

    static String script(SpeechRequest request, Path wav) throws MediaException {
        if (!request.voice().matches("[a-z0-9_]+")) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "festival has no voice " + request.voice());
        }
        StringBuilder s = new StringBuilder();
        s.append('(').append("voice_").append(request.voice()).append(")\n");
        // HTS voices take their own durations and read the rate as the engine's "-r" speed; diphone voices stretch.
        if (request.voice().endsWith("_hts")) {
            s.append(String.format(Locale.ROOT, "(set! hts_engine_params (append hts_engine_params (list (list \"-r\" "
                    + "%.4f))))%n", request.rate()));
        } else {
            s.append(String.format(Locale.ROOT, "(Parameter.set 'Duration_Stretch %.4f)%n", 1.0 / request.rate()));
        }
        String text = request.text();
        for (Pronunciation p : request.pronunciations()) {
            if (p.kind() == Pronunciation.Kind.ARPABET) {
                s.append("(lex.add.entry (list \"").append(p.token()).append("\" nil (lex.syllabify.phstress '(")
                        .append(String.join(" ", p.arpabet())).append("))))\n");
            } else {
                text = text.replace(p.token(), p.shown());
            }
        }
        s.append("(set! utt (utt.synth (Utterance Text \"").append(quote(withoutRunawayWords(EnglishText.ascii(text)))).append("\")))\n");
        s.append("(utt.save.wave utt \"").append(quote(wav.toString())).append("\" 'riff)\n");
        s.append("(mapcar (lambda (seg) (format t \"").append(MARK)
                .append("%s %f\\n\" (item.name seg) (item.feat seg \"end\"))) (utt.relation.items utt 'Segment))\n");
        return s.toString();
    }

    /** Letters and digits Festival reads as one word at most; its letter-to-sound rules take minutes on longer ones. */
    static final int LONGEST_WORD = 24;

    /**
     * Splits runs of letters or digits longer than {@link #LONGEST_WORD} into pieces of that length: Festival spends
     * minutes (diphone voices: forever) on a word of thousands of letters, which any text field may carry.
     */
    static String withoutRunawayWords(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / LONGEST_WORD);
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = Character.isLetterOrDigit(c) ? run + 1 : 0;
            if (run > LONGEST_WORD) {
                out.append(' ');
                run = 1;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Segment lines "@@ name end": each segment starts where the previous one ended. */
    static List<PhoneTiming> segments(String out) {
        List<PhoneTiming> phones = new ArrayList<>();
        double start = 0;
        for (String line : out.split("\n")) {
            if (!line.startsWith(MARK)) {
                continue;
            }
            String[] parts = line.substring(MARK.length()).trim().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            double end = Double.parseDouble(parts[1]);
            if (end >= start) {
                phones.add(new PhoneTiming(parts[0], PhoneVisemes.arpabet(parts[0]), start, end));
                start = end;
            }
        }
        return phones;
    }

    private String command() throws MediaException {
        Path p = Executables.resolve(executable);
        if (p == null) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "festival not found at '" + executable + "'; "
                    + INSTALL_HINT);
        }
        return p.toString();
    }
}

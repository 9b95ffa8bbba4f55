package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * espeak-ng: Mandarin, Cantonese and most other languages of the service. The program must be installed (its path is
 * configurable); speech itself comes from its library in process, which reports every phoneme with its position, and
 * from the program (no phone timing) where the library cannot be loaded.
 *
 * <p>Chinese text is cut into runs by script: Han characters go to the Chinese voice, Latin words ("MetaStudio") to the
 * English voice of the same variant, and a {@code <phoneme ph="tian1 qi4">} to the Mandarin voice as pinyin. espeak-ng
 * 1.51's plain {@code cmn} voice reads Han characters as pinyin spelt in English ("ni three hao three"), so Mandarin
 * uses its {@code cmn-latn-pinyin} voice; its tone contours are redrawn by {@link MandarinTones}.
 */
public final class EspeakEngine implements TtsEngine {

    public static final String INSTALL_HINT = "install espeak-ng (Debian/Ubuntu: apt-get install espeak-ng)";
    private static final int BASE_WPM = 160;
    /**
     * espeak's pitch scale: about 60 steps per octave around 50 (measured: 95 Hz at 0, 157 at 50, 296 at 99 for f3),
     * near enough to exponential only between 30 and 90; beyond that the rest of a pitch change is shifted afterwards.
     */
    private static final double STEPS_PER_OCTAVE = 60;
    private static final int LOWEST = 30;
    private static final int HIGHEST = 90;

    /** Voice lists by executable: asking costs a process start, and the answer does not change. */
    private static final Map<String, Set<String>> VOICES = new ConcurrentHashMap<>();

    private final String executable;

    /** @param executable a path, or a bare name looked up on PATH; null means "espeak-ng" */
    public EspeakEngine(String executable) {
        this.executable = executable == null || executable.isBlank() ? "espeak-ng" : executable;
    }

    @Override
    public String name() {
        return "espeak-ng";
    }

    @Override
    public boolean available() {
        return Executables.resolve(executable) != null;
    }

    @Override
    public String installHint() {
        return INSTALL_HINT;
    }

    public String executable() {
        return executable;
    }

    /** Whether phone timing is available (the library loads), so the mouth can follow the phonemes. */
    public static boolean reportsPhones() {
        return EspeakLibrary.get() != null;
    }

    /** The installed voice names (the language column of {@code espeak-ng --voices}). */
    public Set<String> voices() throws MediaException {
        Set<String> known = VOICES.get(executable);
        if (known == null) {
            byte[] out = ProcessRunner.run(name(), List.of(command(), "--voices"), null, INSTALL_HINT);
            known = new HashSet<>();
            String[] lines = new String(out, StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].trim().split("\\s+");
                if (cols.length > 1) {
                    known.add(cols[1]);
                }
            }
            VOICES.put(executable, Set.copyOf(known));
        }
        return known;
    }

    static int pitchParameter(double factor) {
        return (int) Math.round(Math.max(LOWEST, Math.min(HIGHEST, 50 + STEPS_PER_OCTAVE * Math.log(factor)
                / Math.log(2))));
    }

    @Override
    public Clip synthesize(SpeechRequest request) throws MediaException {
        String program = command();
        int wpm = (int) Math.round(Math.max(80, Math.min(450, BASE_WPM * request.rate())));
        int p = pitchParameter(request.pitch());
        double applied = Math.pow(2, (p - 50) / STEPS_PER_OCTAVE);
        EspeakLibrary library = EspeakLibrary.get();
        if (library == null) {
            return viaProgram(program, request, wpm, p, applied);
        }
        List<short[]> parts = new ArrayList<>();
        List<PhoneTiming> phones = new ArrayList<>();
        List<MandarinTones.Syllable> syllables = new ArrayList<>();
        int rate = 0;
        long total = 0;
        for (ScriptRuns.Run run : ScriptRuns.split(request)) {
            EspeakLibrary.Result r = library.synthesize(run.text(), run.voice(), wpm, p, run.phonemeInput());
            rate = r.sampleRate();
            double offset = total / (double) rate;
            r.phones().forEach(ph -> phones.add(ph.shifted(offset)));
            if (run.tonal()) {
                MandarinTones.syllables(r.phones(), library.phonemes(run.text(), run.voice()))
                        .forEach(s -> syllables.add(s.shifted(offset)));
            }
            parts.add(r.samples());
            total += r.samples().length;
        }
        short[] samples = new short[(int) total];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, samples, at, part.length);
            at += part.length;
        }
        if (!syllables.isEmpty()) {
            samples = MandarinTones.apply(samples, rate, syllables);
        }
        return new Clip(samples, rate, phones, applied);
    }

    /** The program reads the whole utterance at once; no phone timing comes back. */
    private Clip viaProgram(String program, SpeechRequest request, int wpm, int p, double applied)
            throws MediaException {
        String text = request.text();
        for (Pronunciation pr : request.pronunciations()) {
            text = text.replace(pr.token(), pr.kind() == Pronunciation.Kind.ARPABET
                    ? EspeakPhonemes.fromArpabet(pr.arpabet()) : pr.shown());
        }
        byte[] wav = ProcessRunner.run(name(), List.of(program, "-v", request.voice(), "-s", Integer.toString(wpm),
                "-p", Integer.toString(p), "-b", "1", "--stdin", "--stdout"), text.getBytes(StandardCharsets.UTF_8),
                INSTALL_HINT);
        WavData.Samples s = WavData.parse(wav, name());
        return new Clip(s.samples(), s.sampleRate(), List.of(), applied);
    }

    private String command() throws MediaException {
        Path p = Executables.resolve(executable);
        if (p == null) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "espeak-ng not found at '" + executable + "'; "
                    + INSTALL_HINT);
        }
        return p.toString();
    }
}

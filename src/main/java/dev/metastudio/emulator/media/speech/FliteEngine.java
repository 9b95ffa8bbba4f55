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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Flite (Debian package {@code flite}) run once per utterance: its clustergen voices rms (US male), awb (Scottish male)
 * and slt (US female) are built in. The rate is its {@code duration_stretch}, a {@code <phoneme>} becomes a lexicon
 * addendum, and {@code -psdur} prints each segment with its end time. Flite's CG voices ignore F0 settings, so pitch is
 * always shifted afterwards.
 */
public final class FliteEngine implements TtsEngine {

    public static final String RMS = "rms";
    public static final String AWB = "awb";
    public static final String SLT = "slt";
    public static final String INSTALL_HINT = "install Flite (Debian/Ubuntu: apt-get install flite)";

    private final String executable;

    /** @param executable a path, or a bare name looked up on PATH; null means "flite" */
    public FliteEngine(String executable) {
        this.executable = executable == null || executable.isBlank() ? "flite" : executable;
    }

    @Override
    public String name() {
        return "flite";
    }

    @Override
    public boolean available() {
        return Executables.resolve(executable) != null;
    }

    @Override
    public String installHint() {
        return INSTALL_HINT;
    }

    @Override
    public Clip synthesize(SpeechRequest request) throws MediaException {
        Path p = Executables.resolve(executable);
        if (p == null) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "flite not found at '" + executable + "'; " + INSTALL_HINT);
        }
        if (!request.voice().matches("[a-z0-9_]+")) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "flite has no voice " + request.voice());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("flite-");
            Path textFile = dir.resolve("text.txt");
            Path wav = dir.resolve("out.wav");
            List<String> command = new ArrayList<>(List.of(p.toString(), "-voice", request.voice(), "--setf",
                    String.format(Locale.ROOT, "duration_stretch=%.4f", 1.0 / request.rate())));
            String text = request.text();
            StringBuilder lexicon = new StringBuilder();
            for (Pronunciation pr : request.pronunciations()) {
                if (pr.kind() == Pronunciation.Kind.ARPABET) {
                    lexicon.append(pr.token()).append(" : ").append(String.join(" ", pr.arpabet())).append('\n');
                } else {
                    text = text.replace(pr.token(), pr.shown());
                }
            }
            if (lexicon.length() > 0) {
                Path lex = dir.resolve("lexicon.txt");
                Files.writeString(lex, lexicon, StandardCharsets.US_ASCII);
                command.addAll(List.of("-add_lex", lex.toString()));
            }
            Files.writeString(textFile, EnglishText.ascii(text) + "\n", StandardCharsets.US_ASCII);
            command.addAll(List.of("-psdur", "-f", textFile.toString(), "-o", wav.toString()));
            byte[] out = ProcessRunner.run(name(), command, null, INSTALL_HINT);
            WavData.Samples s = WavData.parse(Files.readAllBytes(wav), name());
            return new Clip(s.samples(), s.sampleRate(), segments(new String(out, StandardCharsets.US_ASCII)), 1.0);
        } catch (IOException e) {
            throw new MediaException(Reason.TTS_FAILED, "flite scratch files: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    /** "pau:0.119 hh:0.212 ...": each segment with its end time; it starts where the previous one ended. */
    static List<PhoneTiming> segments(String out) {
        List<PhoneTiming> phones = new ArrayList<>();
        double start = 0;
        for (String item : out.trim().split("\\s+")) {
            int colon = item.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            try {
                double end = Double.parseDouble(item.substring(colon + 1));
                String phone = item.substring(0, colon);
                if (end >= start) {
                    phones.add(new PhoneTiming(phone, PhoneVisemes.arpabet(phone), start, end));
                    start = end;
                }
            } catch (NumberFormatException ignored) {
                // Not a segment (flite prints nothing else with -psdur, but a stray word must not break speech).
            }
        }
        return phones;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // A leftover scratch directory is harmless.
        }
    }
}

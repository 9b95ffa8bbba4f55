package dev.metastudio.emulator.voicemodel;

import dev.metastudio.emulator.media.audio.Resampler;
import dev.metastudio.emulator.media.speech.SpeakerAnalysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The automatic review of uploaded training data (SYSTEM_AUDITING), plain Java. It checks the container (a ZIP
 * package with one directory, file names, only WAV and TXT files), the count per edition (20 or 100 sentences, x.wav
 * with x.txt for x = 0..n-1; one or more long WAVs for the premium edition), each recording (a RIFF/WAVE file, 16-bit
 * PCM, mono, 16-48 kHz, 1-30 s per sentence, at least {@link Rules#minLongSeconds} in all for the premium edition),
 * each text (UTF-8, not empty, in the job's language) and whether a text could be read in its recording's spoken time
 * (too many characters or words per second, or too few, is "the audio does not match the text"). It recognises no
 * speech: a recording of other words than its text, of several speakers, or noisy, passes.
 */
final class RecordingAudit {

    /** The limits the review applies (the reference documents none of them; see README, Voice modeling). */
    record Rules(int minSampleRate, int maxSampleRate, double minSentenceSeconds, double maxSentenceSeconds,
                 double minLongSeconds, int maxLongFiles, long maxUnpackedBytes) {
        static final Rules DEFAULT = new Rules(16_000, 48_000, 1.0, 30.0, 30.0, 100, 1L << 30);
    }

    /** A recording that passed, resampled to {@link #ANALYSIS_RATE} mono for the training; text null for ADVANCE. */
    record Accepted(int index, short[] samples, String text) {
    }

    record Outcome(List<VoiceViews.AuditError> errors, List<Accepted> accepted) {
        boolean passed() {
            return errors.isEmpty();
        }
    }

    /** One sentence as uploaded (segment mode): either part may be missing (null). */
    record Sentence(int index, byte[] audio, byte[] text) {
    }

    static final int ANALYSIS_RATE = 16_000;
    private static final Pattern NAME = Pattern.compile("(\\d{1,4})\\.(wav|txt)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPECIAL = Pattern.compile("[\\\\:*<>?\"|]");
    /** Readable rates: Chinese characters and English words per spoken second (pauses left out). */
    private static final double MIN_CN_RATE = 0.8;
    private static final double MAX_CN_RATE = 12;
    private static final double MIN_EN_RATE = 0.4;
    private static final double MAX_EN_RATE = 7;

    private final JobType type;
    private final String language;
    private final Rules rules;

    RecordingAudit(JobType type, String language, Rules rules) {
        this.type = type;
        this.language = language;
        this.rules = rules;
    }

    // ---- A ZIP package

    Outcome auditPackage(InputStream zip) throws IOException {
        List<VoiceViews.AuditError> errors = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> directories = new LinkedHashSet<>();
        long limit = type.longRecording() ? rules.maxLongFiles() : 2L * type.sentences();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            boolean any = false;
            while ((entry = in.getNextEntry()) != null) {
                any = true;
                String path = entry.getName();
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || path.endsWith("/.DS_Store")
                        || path.equals(".DS_Store")) {
                    continue;
                }
                int slash = path.lastIndexOf('/');
                directories.add(slash < 0 ? "" : path.substring(0, slash));
                String name = path.substring(slash + 1);
                if (files.size() >= limit) {
                    errors.add(error(name, null, VoiceTrainingCodes.TOO_MANY_FILES, "Too many files in the package:"
                            + " at most " + limit + " for the " + type + " edition"));
                    return new Outcome(errors, List.of());
                }
                if (SPECIAL.matcher(name).find()) {
                    errors.add(error(name, null, VoiceTrainingCodes.SPECIAL_CHARACTERS, "Do not use special"
                            + " characters such as \\/:*<> to name files in the compressed package: " + name));
                    continue;
                }
                long left = rules.maxUnpackedBytes() - unpacked;
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
                unpacked += bytes.length;
                if (unpacked > rules.maxUnpackedBytes()) {
                    errors.add(error(name, null, VoiceTrainingCodes.PACKAGE_TOO_LARGE, "Compressed package too large:"
                            + " its files unpack to more than " + rules.maxUnpackedBytes() + " bytes"));
                    return new Outcome(errors, List.of());
                }
                files.put(name, bytes);
            }
            if (!any) {
                return new Outcome(List.of(error(null, null, VoiceTrainingCodes.NOT_A_ZIP,
                        "Upload a valid ZIP package: the upload is not a ZIP file or holds nothing")), List.of());
            }
        } catch (ZipException | IllegalArgumentException e) {
            return new Outcome(List.of(error(null, null, VoiceTrainingCodes.NOT_A_ZIP,
                    "Upload a valid ZIP package: " + e.getMessage())), List.of());
        }
        if (directories.size() > 1) {
            errors.add(error(null, null, VoiceTrainingCodes.ONE_DIRECTORY, "The compressed package can contain only"
                    + " one directory, and all training data must be stored in the same directory; found "
                    + directories));
        }
        return type.longRecording() ? longRecordings(files, errors) : sentences(files, errors);
    }

    private Outcome sentences(Map<String, byte[]> files, List<VoiceViews.AuditError> errors) {
        int n = type.sentences();
        TreeMap<Integer, byte[]> wavs = new TreeMap<>();
        TreeMap<Integer, byte[]> txts = new TreeMap<>();
        files.forEach((name, bytes) -> {
            Matcher m = NAME.matcher(name);
            int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (index < 0 || index >= n || !m.group(1).equals(Integer.toString(index))) {
                errors.add(error(name, null, VoiceTrainingCodes.BAD_FILE_IN_PACKAGE, "Invalid file format in the"
                        + " package: " + name + " is not x.wav or x.txt with x an integer from 0 to " + (n - 1)));
            } else if (m.group(2).equalsIgnoreCase("wav")) {
                wavs.put(index, bytes);
            } else {
                txts.put(index, bytes);
            }
        });
        if (wavs.size() != n) {
            errors.add(error(null, null, VoiceTrainingCodes.WAV_COUNT, "The number of WAV files in the package does"
                    + " not meet the requirements: " + wavs.size() + " found, the " + type + " edition needs " + n));
        }
        if (wavs.size() != txts.size()) {
            errors.add(error(null, null, VoiceTrainingCodes.AUDIO_TEXT_COUNT, "The number of audio files ("
                    + wavs.size() + ") is different from that of text files (" + txts.size() + ")"));
        }
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (wavs.containsKey(i) || txts.containsKey(i)) {
                sentences.add(new Sentence(i, wavs.get(i), txts.get(i)));
            }
        }
        List<Accepted> accepted = new ArrayList<>();
        for (Sentence s : sentences) {
            if (s.audio() == null || s.text() == null) {
                errors.add(error(s.audio() == null ? null : s.index() + ".wav",
                        s.text() == null ? null : s.index() + ".txt", VoiceTrainingCodes.WAV_TXT_PAIRING,
                        "The number of WAV and TXT files in the package does not meet the requirements: sentence "
                                + s.index() + " has no " + (s.audio() == null ? s.index() + ".wav" : s.index() + ".txt")));
                continue;
            }
            sentence(s, s.index() + ".wav", s.index() + ".txt", errors).ifPresent(accepted::add);
        }
        return new Outcome(errors, errors.isEmpty() ? accepted : List.of());
    }

    private Outcome longRecordings(Map<String, byte[]> files, List<VoiceViews.AuditError> errors) {
        List<Accepted> accepted = new ArrayList<>();
        int index = 0;
        double total = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".wav")) {
                errors.add(error(name, null, VoiceTrainingCodes.BAD_FILE_IN_PACKAGE, "Invalid file format in the"
                        + " package: only voice files (.wav) can be compressed for the premium edition, got " + name));
                continue;
            }
            Accepted a = recording(index++, file.getValue(), name, null, errors, Double.MAX_VALUE);
            if (a != null) {
                accepted.add(a);
                total += a.samples().length / (double) ANALYSIS_RATE;
            }
        }
        if (accepted.isEmpty() && errors.isEmpty()) {
            errors.add(error(null, null, VoiceTrainingCodes.WAV_COUNT, "The number of WAV files in the package does"
                    + " not meet the requirements: the premium edition needs one long recording, none found"));
        } else if (errors.isEmpty() && total < rules.minLongSeconds()) {
            errors.add(error(files.keySet().iterator().next(), null, VoiceTrainingCodes.BAD_DURATION,
                    String.format(java.util.Locale.ROOT, "Unsupported audio file duration: %.1f s recorded, the"
                            + " premium edition needs at least %.0f s", total, rules.minLongSeconds())));
        }
        return new Outcome(errors, errors.isEmpty() ? accepted : List.of());
    }

    // ---- Sentences uploaded one by one

    /** Every sentence of a SEGMENT upload; a missing recording or text is an error naming it. */
    Outcome auditSegments(List<Sentence> sentences) {
        List<VoiceViews.AuditError> errors = new ArrayList<>();
        if (type.longRecording()) {
            Sentence s = sentences.isEmpty() ? new Sentence(0, null, null) : sentences.get(0);
            if (s.audio() == null) {
                errors.add(error("0.wav", null, VoiceTrainingCodes.NO_TRAINING_DATA,
                        "The training data does not exist: the long recording was not uploaded"));
                return new Outcome(errors, List.of());
            }
            return longRecordings(new LinkedHashMap<>(Map.of("0.wav", s.audio())), errors);
        }
        List<Accepted> accepted = new ArrayList<>();
        for (Sentence s : sentences) {
            String audioName = s.index() + ".wav";
            String textName = s.index() + ".txt";
            if (s.audio() == null || s.text() == null) {
                errors.add(error(audioName, textName, VoiceTrainingCodes.NO_TRAINING_DATA, "The training data does"
                        + " not exist: sentence " + s.index() + " has no " + (s.audio() == null ? "recording" : "text")
                        + " uploaded"));
                continue;
            }
            sentence(s, audioName, textName, errors).ifPresent(accepted::add);
        }
        return new Outcome(errors, errors.isEmpty() ? accepted : List.of());
    }

    /** 9.11: one sentence's check; the characters its recording cannot hold are the unmatched text indexes. */
    record SegmentCheck(boolean confirmed, List<Integer> unmatched, List<VoiceViews.AuditError> errors) {
    }

    SegmentCheck confirm(Sentence s) {
        List<VoiceViews.AuditError> errors = new ArrayList<>();
        if (s.audio() == null || (!type.longRecording() && s.text() == null)) {
            errors.add(error(s.index() + ".wav", s.index() + ".txt", VoiceTrainingCodes.NO_TRAINING_DATA,
                    "The training data does not exist: sentence " + s.index() + " is not uploaded"));
            return new SegmentCheck(false, List.of(), errors);
        }
        if (type.longRecording()) {
            Accepted a = recording(s.index(), s.audio(), s.index() + ".wav", null, errors, Double.MAX_VALUE);
            return new SegmentCheck(a != null && errors.isEmpty(), List.of(), errors);
        }
        Accepted a = sentence(s, s.index() + ".wav", s.index() + ".txt", errors).orElse(null);
        List<Integer> unmatched = new ArrayList<>();
        if (a == null && !errors.isEmpty()
                && errors.get(errors.size() - 1).errorCode().equals(VoiceTrainingCodes.AUDIO_TEXT_MISMATCH)) {
            String text = decode(s.text());
            double spoken = SpeakerAnalysis.spokenSeconds(recordingSamples(s.audio()), ANALYSIS_RATE);
            int keep = (int) Math.floor(spoken * (chinese() ? MAX_CN_RATE : MAX_EN_RATE * 6));
            int[] points = text == null ? new int[0] : text.codePoints().toArray();
            for (int i = keep; i < points.length && i <= 4096; i++) {
                unmatched.add(i);
            }
        }
        return new SegmentCheck(a != null, unmatched, errors);
    }

    // ---- One recording, one text

    private java.util.Optional<Accepted> sentence(Sentence s, String audioName, String textName,
                                                  List<VoiceViews.AuditError> errors) {
        int before = errors.size();
        String text = decode(s.text());
        if (text == null) {
            errors.add(error(audioName, textName, VoiceTrainingCodes.BAD_TRAINING_DATA,
                    "The training data is incorrect: " + textName + " is not UTF-8 text"));
        } else if (text.isBlank()) {
            errors.add(error(audioName, textName, VoiceTrainingCodes.BAD_TRAINING_DATA,
                    "The training data is incorrect: " + textName + " is empty"));
        } else if (!inLanguage(text)) {
            errors.add(error(audioName, textName, VoiceTrainingCodes.WRONG_LANGUAGE, "The uploaded text is not in the"
                    + " selected language (" + language + "): " + textName));
        }
        Accepted a = recording(s.index(), s.audio(), audioName, textName, errors, rules.maxSentenceSeconds());
        if (a == null || errors.size() > before) {
            return java.util.Optional.empty();
        }
        double spoken = SpeakerAnalysis.spokenSeconds(a.samples(), ANALYSIS_RATE);
        double units = units(text);
        double rate = spoken > 0 ? units / spoken : Double.MAX_VALUE;
        double min = chinese() ? MIN_CN_RATE : MIN_EN_RATE;
        double max = chinese() ? MAX_CN_RATE : MAX_EN_RATE;
        if (rate < min || rate > max) {
            errors.add(error(audioName, textName, VoiceTrainingCodes.AUDIO_TEXT_MISMATCH, String.format(
                    java.util.Locale.ROOT, "The uploaded audio does not match the text: %.0f %s in %.1f s of speech"
                            + " (%.1f per second; a reading is %.1f to %.0f)", units,
                    chinese() ? "characters" : "words", spoken, rate, min, max)));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Accepted(a.index(), a.samples(), text.strip()));
    }

    /** The recording's container and format; null (with the error added) when it is refused. */
    private Accepted recording(int index, byte[] bytes, String audioName, String textName,
                               List<VoiceViews.AuditError> errors, double maxSeconds) {
        WavFile wav;
        try {
            wav = WavFile.parse(bytes);
        } catch (WavFile.NotWav e) {
            errors.add(error(audioName, textName, VoiceTrainingCodes.NOT_A_WAV, "The uploaded audio cannot be parsed"
                    + " into a WAV file: " + audioName + ": " + e.getMessage()));
            return null;
        }
        List<String> problems = new ArrayList<>();
        if (wav.formatTag() != WavFile.PCM || wav.bitsPerSample() != 16) {
            problems.add("16-bit PCM needed, got format " + wav.formatTag() + " with " + wav.bitsPerSample()
                    + "-bit samples");
        }
        if (wav.channels() != 1) {
            problems.add("mono needed, got " + wav.channels() + " channels");
        }
        if (wav.sampleRate() < rules.minSampleRate() || wav.sampleRate() > rules.maxSampleRate()) {
            problems.add("sample rate " + rules.minSampleRate() + "-" + rules.maxSampleRate() + " Hz needed, got "
                    + wav.sampleRate() + " Hz");
        }
        if (!problems.isEmpty()) {
            errors.add(error(audioName, textName, VoiceTrainingCodes.BAD_AUDIO_FORMAT, "Invalid uploaded audio file"
                    + " format: " + audioName + ": " + String.join("; ", problems)));
            return null;
        }
        double seconds = wav.seconds();
        if (seconds < rules.minSentenceSeconds() || seconds > maxSeconds) {
            errors.add(error(audioName, textName, VoiceTrainingCodes.BAD_DURATION, String.format(java.util.Locale.ROOT,
                    "Unsupported audio file duration: %s lasts %.2f s, a recording must last %.0f to %.0f s",
                    audioName, seconds, rules.minSentenceSeconds(), Math.min(maxSeconds, 1e9))));
            return null;
        }
        short[] samples = Resampler.resample(wav.mono(bytes), wav.sampleRate(), ANALYSIS_RATE);
        return new Accepted(index, samples, null);
    }

    private static short[] recordingSamples(byte[] bytes) {
        try {
            WavFile wav = WavFile.parse(bytes);
            return Resampler.resample(wav.mono(bytes), wav.sampleRate(), ANALYSIS_RATE);
        } catch (WavFile.NotWav e) {
            return new short[0];
        }
    }

    private boolean chinese() {
        return !"EN".equals(language);
    }

    private boolean inLanguage(String text) {
        boolean han = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        boolean latin = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
        return chinese() ? han : latin && !han;
    }

    /** Chinese characters, or English words. */
    private double units(String text) {
        if (chinese()) {
            return text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        }
        return text.strip().split("[^\\p{L}\\p{N}']+").length;
    }

    static String decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static VoiceViews.AuditError error(String audio, String text, String code, String message) {
        return new VoiceViews.AuditError(audio, text, code, message);
    }
}

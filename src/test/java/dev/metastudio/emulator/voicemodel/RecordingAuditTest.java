package dev.metastudio.emulator.voicemodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The automatic review's rules (SYSTEM_AUDITING): container, count per edition, format, duration, texts. */
class RecordingAuditTest {
    static final String TEXT = "The birch canoe slid on the smooth planks today.";

    /** A voiced recording: a buzz at 200 Hz in syllables of 0.25 s, 16-bit PCM. */
    static byte[] wav(double seconds, int rate, int channels, int bits, int format) {
        int frames = (int) (seconds * rate);
        int bytesPerSample = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames * channels * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double v = 0.3 * Math.abs(Math.sin(Math.PI * 4 * t)) * (Math.sin(2 * Math.PI * 200 * t)
                    + 0.5 * Math.sin(2 * Math.PI * 400 * t));
            for (int c = 0; c < channels; c++) {
                if (bits == 16) {
                    data.putShort((short) (v * 32767));
                } else {
                    data.put((byte) (v * 127 + 128));
                }
            }
        }
        ByteBuffer out = ByteBuffer.allocate(44 + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.capacity())
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bytesPerSample).putShort((short) (channels * bytesPerSample))
                .putShort((short) bits).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.capacity())
                .put(data.array());
        return out.array();
    }

    static byte[] good() {
        return wav(3, 16_000, 1, 16, WavFile.PCM);
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> sentences(int n, String dir) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            files.put(dir + i + ".wav", good());
            files.put(dir + i + ".txt", TEXT.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    static RecordingAudit.Outcome audit(JobType type, String language, Map<String, byte[]> files) throws IOException {
        return new RecordingAudit(type, language, RecordingAudit.Rules.DEFAULT)
                .auditPackage(new ByteArrayInputStream(zip(files)));
    }

    static List<String> codes(RecordingAudit.Outcome outcome) {
        return outcome.errors().stream().map(VoiceViews.AuditError::errorCode).toList();
    }

    @Test
    void twentySentencesInOneFolderPass() throws IOException {
        RecordingAudit.Outcome outcome = audit(JobType.BASIC, "EN", sentences(20, "voice/"));
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.accepted()).hasSize(20);
        assertThat(outcome.accepted().get(0).text()).isEqualTo(TEXT);
        assertThat(outcome.accepted().get(0).samples()).hasSize(3 * RecordingAudit.ANALYSIS_RATE);
    }

    @Test
    void tooFewSentencesFailWithTheCountCode() throws IOException {
        RecordingAudit.Outcome outcome = audit(JobType.BASIC, "EN", sentences(5, ""));
        assertThat(codes(outcome)).containsExactly(VoiceTrainingCodes.WAV_COUNT);
        assertThat(outcome.accepted()).isEmpty();
        // The advanced edition needs 100.
        assertThat(codes(audit(JobType.MIDDLE, "EN", sentences(20, "")))).containsExactly(VoiceTrainingCodes.WAV_COUNT);
    }

    @Test
    void eachBadRecordingIsNamedWithItsCode() throws IOException {
        Map<String, byte[]> files = sentences(20, "");
        files.put("0.wav", wav(3, 8_000, 1, 16, WavFile.PCM));
        files.put("1.wav", wav(3, 16_000, 2, 16, WavFile.PCM));
        files.put("2.wav", wav(3, 16_000, 1, 8, WavFile.PCM));
        files.put("3.wav", wav(0.4, 16_000, 1, 16, WavFile.PCM));
        files.put("4.wav", wav(31, 16_000, 1, 16, WavFile.PCM));
        files.put("5.wav", "ID3 an mp3 renamed".getBytes(StandardCharsets.US_ASCII));
        files.put("6.wav", wav(3, 16_000, 1, 16, 3));
        RecordingAudit.Outcome outcome = audit(JobType.BASIC, "EN", files);
        assertThat(outcome.errors()).extracting(VoiceViews.AuditError::audioName, VoiceViews.AuditError::textName,
                VoiceViews.AuditError::errorCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("0.wav", "0.txt", VoiceTrainingCodes.BAD_AUDIO_FORMAT),
                org.assertj.core.groups.Tuple.tuple("1.wav", "1.txt", VoiceTrainingCodes.BAD_AUDIO_FORMAT),
                org.assertj.core.groups.Tuple.tuple("2.wav", "2.txt", VoiceTrainingCodes.BAD_AUDIO_FORMAT),
                org.assertj.core.groups.Tuple.tuple("3.wav", "3.txt", VoiceTrainingCodes.BAD_DURATION),
                org.assertj.core.groups.Tuple.tuple("4.wav", "4.txt", VoiceTrainingCodes.BAD_DURATION),
                org.assertj.core.groups.Tuple.tuple("5.wav", "5.txt", VoiceTrainingCodes.NOT_A_WAV),
                org.assertj.core.groups.Tuple.tuple("6.wav", "6.txt", VoiceTrainingCodes.BAD_AUDIO_FORMAT));
        assertThat(outcome.errors().get(0).errorMessage()).contains("8000 Hz");
        assertThat(outcome.errors().get(1).errorMessage()).contains("mono");
    }

    @Test
    void textsMustBeThereInTheLanguageAndReadableInTheRecordingsTime() throws IOException {
        Map<String, byte[]> files = sentences(20, "");
        files.remove("0.txt");
        files.put("1.txt", "   ".getBytes(StandardCharsets.UTF_8));
        files.put("2.txt", "今天天气很好".getBytes(StandardCharsets.UTF_8));
        files.put("3.txt", (TEXT + " " + TEXT + " " + TEXT + " " + TEXT).getBytes(StandardCharsets.UTF_8));
        files.put("4.txt", new byte[]{(byte) 0xC3, (byte) 0x28});
        RecordingAudit.Outcome outcome = audit(JobType.BASIC, "EN", files);
        assertThat(codes(outcome)).containsExactly(VoiceTrainingCodes.AUDIO_TEXT_COUNT,
                VoiceTrainingCodes.WAV_TXT_PAIRING, VoiceTrainingCodes.BAD_TRAINING_DATA,
                VoiceTrainingCodes.WRONG_LANGUAGE, VoiceTrainingCodes.AUDIO_TEXT_MISMATCH,
                VoiceTrainingCodes.BAD_TRAINING_DATA);
        // A Chinese job wants Chinese text.
        assertThat(codes(audit(JobType.BASIC, "CN", sentences(20, "")))).containsOnly(VoiceTrainingCodes.WRONG_LANGUAGE)
                .hasSize(20);
    }

    @Test
    void thePackageItselfIsChecked() throws IOException {
        RecordingAudit audit = new RecordingAudit(JobType.BASIC, "EN", RecordingAudit.Rules.DEFAULT);
        assertThat(codes(audit.auditPackage(new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)))))
                .containsExactly(VoiceTrainingCodes.NOT_A_ZIP);
        Map<String, byte[]> twoFolders = sentences(20, "a/");
        twoFolders.remove("a/19.wav");
        twoFolders.remove("a/19.txt");
        twoFolders.put("b/19.wav", good());
        twoFolders.put("b/19.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(codes(audit(JobType.BASIC, "EN", twoFolders))).containsExactly(VoiceTrainingCodes.ONE_DIRECTORY);
        Map<String, byte[]> stray = sentences(20, "");
        stray.remove("19.txt");
        stray.put("notes.doc", TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(codes(audit(JobType.BASIC, "EN", stray))).contains(VoiceTrainingCodes.BAD_FILE_IN_PACKAGE);
        Map<String, byte[]> special = sentences(20, "");
        special.remove("19.txt");
        special.put("a*b.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(codes(audit(JobType.BASIC, "EN", special))).contains(VoiceTrainingCodes.SPECIAL_CHARACTERS);
        Map<String, byte[]> many = sentences(20, "");
        for (int i = 0; i < 5; i++) {
            many.put("extra" + i + ".txt", new byte[1]);
        }
        assertThat(codes(audit(JobType.BASIC, "EN", many))).containsExactly(VoiceTrainingCodes.TOO_MANY_FILES);
    }

    @Test
    void aPackageThatUnpacksTooLargeIsRefused() throws IOException {
        RecordingAudit.Rules small = new RecordingAudit.Rules(16_000, 48_000, 1, 30, 30, 100, 500_000);
        RecordingAudit.Outcome outcome = new RecordingAudit(JobType.BASIC, "EN", small)
                .auditPackage(new ByteArrayInputStream(zip(sentences(20, ""))));
        assertThat(codes(outcome)).containsExactly(VoiceTrainingCodes.PACKAGE_TOO_LARGE);
    }

    @Test
    void thePremiumEditionTakesOnlyLongRecordings() throws IOException {
        assertThat(audit(JobType.ADVANCE, "EN", Map.of("long.wav", wav(40, 16_000, 1, 16, WavFile.PCM))).errors())
                .isEmpty();
        assertThat(codes(audit(JobType.ADVANCE, "EN", Map.of("long.wav", wav(10, 16_000, 1, 16, WavFile.PCM)))))
                .containsExactly(VoiceTrainingCodes.BAD_DURATION);
        Map<String, byte[]> withText = new LinkedHashMap<>();
        withText.put("long.wav", wav(40, 16_000, 1, 16, WavFile.PCM));
        withText.put("long.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(codes(audit(JobType.ADVANCE, "EN", withText))).containsExactly(VoiceTrainingCodes.BAD_FILE_IN_PACKAGE);
    }

    @Test
    void aSentenceUploadedAloneIsConfirmedOrNot() {
        RecordingAudit audit = new RecordingAudit(JobType.BASIC, "EN", RecordingAudit.Rules.DEFAULT);
        RecordingAudit.SegmentCheck ok = audit.confirm(new RecordingAudit.Sentence(3, good(),
                TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(ok.confirmed()).isTrue();
        assertThat(ok.unmatched()).isEmpty();
        RecordingAudit.SegmentCheck missing = audit.confirm(new RecordingAudit.Sentence(4, good(), null));
        assertThat(missing.confirmed()).isFalse();
        String tooLong = (TEXT + " ").repeat(8);
        RecordingAudit.SegmentCheck mismatch = audit.confirm(new RecordingAudit.Sentence(5, good(),
                tooLong.getBytes(StandardCharsets.UTF_8)));
        assertThat(mismatch.confirmed()).isFalse();
        assertThat(mismatch.unmatched()).isNotEmpty().allMatch(i -> i > 0 && i < tooLong.length());
        assertThat(mismatch.unmatched().get(mismatch.unmatched().size() - 1)).isEqualTo(tooLong.length() - 1);
    }
}

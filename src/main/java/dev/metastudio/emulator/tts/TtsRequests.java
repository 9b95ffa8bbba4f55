package dev.metastudio.emulator.tts;

import java.util.List;

/** Bodies of the TTS preview APIs (reference 10.1, 10.2). */
public final class TtsRequests {
    private TtsRequests() {
    }

    /** CreateTtsAuditionRequestBody; emotion is the timbre id (a VOICE_MODEL asset). */
    public record Audition(String text, String ttsText, String emotion, Integer speed, Integer pitch, Integer volume,
                           String businessType, String style, Integer channels, Boolean isVocabularyConfigEnable) {
    }

    public record Created(String jobId) {
    }

    public record AuditionFile(String downloadUrl) {
    }

    public record AuditionFiles(Boolean isFileComplete, String message, List<AuditionFile> files) {
    }

    /** What the worker stores as the job's result: the object keys of the preview files. */
    public record Result(List<String> keys, double durationSeconds) {
    }
}

package dev.metastudio.emulator.tts;

/** The reference gives TTS previews no state enum; these decide is_file_complete and the message. */
public enum TtsJobState {
    WAITING, PROCESSING, SUCCEED, FAILED;

    public boolean terminal() {
        return this == SUCCEED || this == FAILED;
    }
}

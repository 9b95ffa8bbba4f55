package dev.metastudio.emulator.job;

/** What a queued job produces; each kind has one {@link JobRunner}. */
public enum JobKind {
    /** A virtual avatar video (POST /2d-digital-human-videos). */
    VIDEO_2D,
    /** A TTS preview audio file (POST /ttsc/audition). */
    TTS_AUDITION
}

package dev.metastudio.emulator.job;

/** Job states as the reference defines them for video production (DigitalHumanVideo.state). */
public enum JobState {
    WAITING, PROCESSING, SUCCEED, FAILED, CANCELED, BLOCK;

    public boolean terminal() {
        return this == SUCCEED || this == FAILED || this == CANCELED;
    }
}

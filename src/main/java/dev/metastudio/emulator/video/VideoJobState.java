package dev.metastudio.emulator.video;

/** DigitalHumanVideo.state, reference 5.3 (BLOCK: frozen by the platform). */
public enum VideoJobState {
    WAITING, PROCESSING, SUCCEED, FAILED, CANCELED, BLOCK;

    public boolean terminal() {
        return this == SUCCEED || this == FAILED || this == CANCELED || this == BLOCK;
    }
}

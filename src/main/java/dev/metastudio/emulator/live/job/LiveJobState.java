package dev.metastudio.emulator.live.job;

/** SmartLiveJob.state (Table 6-284). CANCELED appears only in room-level filters, never as a job state. */
enum LiveJobState {
    WAITING, PROCESSING, SUCCEED, FAILED, BLOCKED;

    boolean terminal() {
        return this == SUCCEED || this == FAILED || this == BLOCKED;
    }
}

package dev.metastudio.emulator.control;

/** Error codes of the control plane's own refusals (the plane is the emulator's, not MetaStudio's). */
public final class ControlCodes {
    /** 409: the job's work in its current state is not done yet; advance again when it is. */
    public static final String STILL_WORKING = "EMULATOR.STILL_WORKING";
    /** 409: the job is in a terminal state (or waits for a command, or its kind is not under manual progression). */
    public static final String CANNOT_ADVANCE = "EMULATOR.CANNOT_ADVANCE";

    private ControlCodes() {
    }
}

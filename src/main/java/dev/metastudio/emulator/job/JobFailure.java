package dev.metastudio.emulator.job;

/** A job ended in FAILED with a documented error code (reference 11.2, e.g. MSS.45000016). */
public class JobFailure extends Exception {
    private final String code;

    public JobFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public JobFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

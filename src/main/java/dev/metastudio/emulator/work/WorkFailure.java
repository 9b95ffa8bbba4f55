package dev.metastudio.emulator.work;

/** The work failed with a documented code of its kind (reference 11.2, e.g. MSS.45000016). */
public class WorkFailure extends Exception {
    private final String code;

    public WorkFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public WorkFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

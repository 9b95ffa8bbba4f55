package dev.metastudio.emulator.media;

/**
 * Every failure of the media library. The product maps {@link #reason()} to the API's error codes; the message is meant
 * for a human (it names the file, the element or the package to install).
 */
public class MediaException extends Exception {

    public enum Reason {
        INVALID_INPUT,
        UNSUPPORTED_MEDIA,
        DECODE_FAILED,
        FILE_MISSING,
        TTS_UNAVAILABLE,
        TTS_FAILED,
        BAD_SSML,
        IMAGE_TOO_LARGE,
        ENCODE_FAILED,
        CANCELLED,
        INTERNAL
    }

    private final Reason reason;

    public MediaException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MediaException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "MediaException[" + reason + "]: " + getMessage();
    }
}

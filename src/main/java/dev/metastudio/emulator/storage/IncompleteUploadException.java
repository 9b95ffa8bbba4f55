package dev.metastudio.emulator.storage;

import java.io.IOException;

/**
 * A multipart upload that cannot be completed: a part was never uploaded, or the upload is unknown (never
 * started, already completed or deleted). The caller's fault, unlike other {@link IOException}s.
 */
public class IncompleteUploadException extends IOException {
    public IncompleteUploadException(String message) {
        super(message);
    }

    public IncompleteUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}

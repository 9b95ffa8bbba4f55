package dev.metastudio.emulator.storage.filesystem;

/**
 * A refusal from the object endpoint, in OBS/S3 terms: clients treat presigned URLs as OBS, so they expect OBS
 * status codes and error codes ({@code AccessDenied}, {@code SignatureDoesNotMatch}, {@code BadDigest}, ...).
 */
public class ObjectError extends RuntimeException {
    private final int status;
    private final String code;

    public ObjectError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static ObjectError accessDenied(String message) {
        return new ObjectError(403, "AccessDenied", message);
    }

    static ObjectError signatureDoesNotMatch(String message) {
        return new ObjectError(403, "SignatureDoesNotMatch", message);
    }

    static ObjectError badDigest() {
        return new ObjectError(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
    }

    static ObjectError invalidDigest() {
        return new ObjectError(400, "InvalidDigest", "The Content-MD5 you specified is not valid.");
    }

    static ObjectError noSuchKey() {
        return new ObjectError(404, "NoSuchKey", "The specified key does not exist.");
    }

    static ObjectError noSuchUpload() {
        return new ObjectError(404, "NoSuchUpload", "The specified multipart upload does not exist. The upload ID"
                + " may be invalid, or the upload may have been completed or deleted.");
    }

    static ObjectError entityTooLarge(long max) {
        return new ObjectError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size"
                + " of " + max + " bytes.");
    }

    static ObjectError incompleteBody() {
        return new ObjectError(400, "IncompleteBody", "You did not provide the number of bytes specified by the"
                + " Content-Length HTTP header.");
    }

    static ObjectError uploadClosed() {
        return accessDenied("Access Denied: uploads to this object are closed; its file was confirmed, failed or"
                + " cancelled");
    }

    static ObjectError invalidArgument(String message) {
        return new ObjectError(400, "InvalidArgument", message);
    }
}

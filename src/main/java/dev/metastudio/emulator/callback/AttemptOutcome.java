package dev.metastudio.emulator.callback;

/**
 * What one attempt came to.
 *
 * @param status the receiver's HTTP status, null when no response came (refused, unreachable, timed out)
 * @param error  why the attempt did not succeed, null when it did
 */
record AttemptOutcome(Integer status, String error) {

    static AttemptOutcome answered(int status, String error) {
        return new AttemptOutcome(status, error);
    }

    static AttemptOutcome noResponse(String error) {
        return new AttemptOutcome(null, error);
    }

    /** Any 2xx counts as received; everything else, 3xx included, is retried. */
    boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }
}

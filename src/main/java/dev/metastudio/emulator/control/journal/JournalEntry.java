package dev.metastudio.emulator.control.journal;

import dev.metastudio.emulator.edge.OperationCatalog;
import java.time.Instant;
import java.util.Map;

/**
 * One recorded request. Everything the filter knows is set once; what is only needed when someone looks (the
 * operation name, the error code) is worked out on first read, so recording stays cheap. Bodies may be dropped
 * later when the journal's body budget is spent ({@link #evictBodies}).
 */
final class JournalEntry {
    final String requestId;
    final Instant time;
    final String method;
    final String path;
    final String query;
    final String projectId;
    final String auth;
    final String authDetail;
    final int status;
    final long durationMs;
    final Map<String, String> requestHeaders;
    final Body request;
    final Body response;
    private volatile String operation;
    private volatile boolean operationKnown;
    private volatile String errorCode;
    private volatile boolean errorCodeKnown;

    JournalEntry(String requestId, Instant time, String method, String path, String query, String projectId,
                 String auth, String authDetail, int status, long durationMs, Map<String, String> requestHeaders,
                 Body request, Body response) {
        this.requestId = requestId;
        this.time = time;
        this.method = method;
        this.path = path;
        this.query = query;
        this.projectId = projectId;
        this.auth = auth;
        this.authDetail = authDetail;
        this.status = status;
        this.durationMs = durationMs;
        this.requestHeaders = requestHeaders;
        this.request = request;
        this.response = response;
    }

    /**
     * A body as recorded: its size and content type, and its bytes when it was text of at most 64 KB (and not yet
     * evicted). {@code tooLarge} tells a text body over the limit from a binary one.
     */
    static final class Body {
        final long size;
        final String contentType;
        final boolean tooLarge;
        private volatile byte[] bytes;
        private volatile boolean evicted;

        Body(long size, String contentType, boolean tooLarge, byte[] bytes) {
            this.size = size;
            this.contentType = contentType;
            this.tooLarge = tooLarge;
            this.bytes = bytes;
        }

        static Body of(BodyTap tap, String contentType) {
            return new Body(tap.size(), contentType, tap.tooLarge(), tap.bytes());
        }

        byte[] bytes() {
            return bytes;
        }

        boolean evicted() {
            return evicted;
        }

        int retained() {
            byte[] kept = bytes;
            return kept == null ? 0 : kept.length;
        }

        int evict() {
            int freed = retained();
            bytes = null;
            evicted = freed > 0 || evicted;
            return freed;
        }
    }

    /** The SDK's name for this call ({@code ListAssets}...), or null for object URLs and paths it does not know. */
    String operation() {
        if (!operationKnown) {
            operation = OperationCatalog.sdk().match(method, path).map(OperationCatalog.Operation::name).orElse(null);
            operationKnown = true;
        }
        return operation;
    }

    /** The envelope's {@code error_code} (or an object error's {@code <Code>}) of a failed call, else null. */
    String errorCode() {
        if (!errorCodeKnown) {
            errorCode = status >= 400 ? ErrorCodeReader.read(response.bytes()) : null;
            errorCodeKnown = true;
        }
        return errorCode;
    }

    int retainedBytes() {
        return request.retained() + response.retained();
    }

    int evictBodies() {
        errorCode();
        return request.evict() + response.evict();
    }
}

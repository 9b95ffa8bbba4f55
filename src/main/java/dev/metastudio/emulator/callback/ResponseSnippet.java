package dev.metastudio.emulator.callback;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first bytes of a receiver's response body and drops the rest: enough to show why a receiver refused a
 * callback in the callback log, without buffering whatever a receiver chooses to send.
 */
final class ResponseSnippet implements HttpResponse.BodySubscriber<String> {
    static final int LIMIT = 512;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();

    static HttpResponse.BodyHandler<String> handler() {
        return info -> new ResponseSnippet();
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int room = LIMIT - kept.size();
            if (room <= 0) {
                return;
            }
            byte[] chunk = new byte[Math.min(room, buffer.remaining())];
            buffer.get(chunk);
            kept.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new String(kept.toByteArray(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim());
    }
}

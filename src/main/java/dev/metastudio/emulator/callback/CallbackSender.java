package dev.metastudio.emulator.callback;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt: checks that the receiver is not this emulator ({@link OutboundGuard}) and is on the allow-list
 * again (the setting may have changed since the job was created, and a name may now resolve elsewhere), signs the URL or the headers ({@link Signing}), and POSTs the JSON body.
 * Whatever happens comes back as an {@link AttemptOutcome}; nothing is thrown, so a bad receiver cannot stop a
 * dispatcher thread.
 */
@Component
class CallbackSender {
    /** Time to read the (bounded) body once the status line is in. */
    private static final Duration BODY_ALLOWANCE = Duration.ofSeconds(2);

    private final HostAllowList allowList;
    private final OutboundGuard guard;
    private final Clock clock;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final HttpClient client;

    CallbackSender(CallbackProperties properties, HostAllowList allowList, OutboundGuard guard, Clock clock) {
        this.allowList = allowList;
        this.guard = guard;
        this.clock = clock;
        this.connectTimeout = properties.connectTimeout();
        this.responseTimeout = properties.connectTimeout().plus(properties.readTimeout());
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // A redirect would take the request to a host nobody checked against the allow-list.
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: no h2c upgrade headers on cleartext URLs, which some small receivers mishandle.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The longest an attempt can take; the claim's lease must outlast it. */
    Duration longestAttempt() {
        return responseTimeout.plus(BODY_ALLOWANCE);
    }

    AttemptOutcome send(CallbackDelivery delivery) {
        CallbackTarget target;
        try {
            target = CallbackTarget.parse(delivery.url());
        } catch (IllegalArgumentException e) {
            return AttemptOutcome.noResponse("Not sent: callback_url " + e.getMessage());
        }
        try {
            String refusal = whyNotAllowed(target);
            if (refusal != null) {
                return AttemptOutcome.noResponse("Not sent: " + refusal);
            }
            long millis = clock.millis();
            String url = switch (delivery.authType()) {
                case MSS_A -> MssaSignature.signedUrl(delivery.url(), delivery.authKey(), millis);
                case LIVE_MSS_A -> MssaSignature.signedUrl(delivery.url(), delivery.authKey(), millis, "hwSecret",
                        "hwTime");
                case NONE, LIVE_MSS_A_HEAD -> delivery.url();
            };
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(responseTimeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
            if (delivery.authType() == Signing.LIVE_MSS_A_HEAD) {
                request.headers(MssaSignature.signedHeaders(delivery.url(), delivery.authKey(), millis));
            }
            return exchange(request.build());
        } catch (UnknownHostException e) {
            return AttemptOutcome.noResponse("Not sent: the host does not resolve (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            return AttemptOutcome.noResponse("Not sent: " + describe(e));
        }
    }

    private String whyNotAllowed(CallbackTarget target) throws UnknownHostException {
        String refusal = guard.whyRefused(target.host(), OutboundGuard.portOf(target.uri()));
        if (refusal != null) {
            return refusal;
        }
        refusal = allowList.whyNotAllowed(target);
        if (refusal == null && target.literal() == null && allowList.pinsNames()) {
            refusal = allowList.whyNotAllowed(target, Arrays.asList(InetAddress.getAllByName(target.host())));
        }
        return refusal;
    }

    private AttemptOutcome exchange(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(request, ResponseSnippet.handler());
        try {
            // The request timeout ends the wait for the status line; this bound also covers a body that trickles.
            HttpResponse<String> response = pending.get(longestAttempt().toMillis(), TimeUnit.MILLISECONDS);
            return judge(response);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return AttemptOutcome.noResponse("No complete response within " + longestAttempt().toSeconds() + " s");
        } catch (ExecutionException e) {
            return AttemptOutcome.noResponse(describe(e.getCause()));
        } catch (InterruptedException e) {
            // Only a stopping dispatcher interrupts; the flag stays cleared so the outcome can still be recorded.
            pending.cancel(true);
            return AttemptOutcome.noResponse("Interrupted: the emulator was stopping");
        }
    }

    private static AttemptOutcome judge(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return AttemptOutcome.answered(status, null);
        }
        String body = response.body() == null || response.body().isEmpty() ? "" : ": " + response.body();
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("none");
            return AttemptOutcome.answered(status, "HTTP " + status + ", redirects are not followed (Location: "
                    + location + ")" + body);
        }
        return AttemptOutcome.answered(status, "HTTP " + status + body);
    }

    private String describe(Throwable error) {
        if (error instanceof HttpConnectTimeoutException) {
            return "Could not connect within " + connectTimeout.toMillis() + " ms";
        }
        if (error instanceof HttpTimeoutException) {
            return "No response within " + responseTimeout.toMillis() + " ms";
        }
        if (error instanceof ConnectException) {
            return "Could not connect: " + (error.getMessage() == null ? "connection refused" : error.getMessage());
        }
        if (error instanceof SSLException) {
            return "TLS failed: " + error.getMessage();
        }
        if (error instanceof IOException && error.getMessage() != null) {
            return "I/O error: " + error.getMessage();
        }
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
}

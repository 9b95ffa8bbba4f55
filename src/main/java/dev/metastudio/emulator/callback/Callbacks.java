package dev.metastudio.emulator.callback;

import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.edge.Check;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Job-completion callbacks ({@code callback_config}) for the job code: {@link #validate} when a job is created,
 * {@link #enqueue} when it ends. Sending happens later on dispatcher threads ({@link CallbackDispatcher}), never on
 * the caller's thread; integrators watch deliveries at {@code GET /_emulator/callbacks}.
 */
@Service
public class Callbacks {
    public static final String URL_FIELD = "callback_config.callback_url";
    public static final String AUTH_TYPE_FIELD = "callback_config.auth_type";
    public static final String KEY_FIELD = "callback_config.key";

    private final HostAllowList allowList;
    private final OutboundGuard guard;
    private final CallbackOutbox outbox;
    private final CallbackDispatcher dispatcher;
    private final Clock clock;

    Callbacks(HostAllowList allowList, OutboundGuard guard, CallbackOutbox outbox, CallbackDispatcher dispatcher,
              Clock clock) {
        this.allowList = allowList;
        this.guard = guard;
        this.outbox = outbox;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * Checks a job's {@code callback_config} before anything is stored; null (no callbacks wanted) passes. Fails
     * with 400 {@code MSS.00000003} naming the field when {@code callback_url} is missing, is not an absolute
     * http/https URL of at most 2,048 characters, or points at a host that
     * {@code metastudio.callbacks.allowed-hosts} does not allow (see {@link HostAllowList}; names are not resolved
     * here) or at this emulator itself ({@link OutboundGuard}, whatever the allow-list says), and when {@code MSS_A}
     * comes without a {@code key}. An unknown {@code auth_type} is already refused
     * when the request body is read ({@link AuthType#parse}).
     */
    public void validate(CallbackConfig config) {
        if (config == null) {
            return;
        }
        String url = Check.requiredText(config.callbackUrl(), URL_FIELD);
        CallbackTarget target;
        try {
            target = CallbackTarget.parse(url);
        } catch (IllegalArgumentException e) {
            // L16844 MSS.20010093 "Invalid URL. Check whether the URL is correct." (MSS.00000003 before issue 13).
            throw new ApiException(400, ErrorCodes.INVALID_URL, "Invalid URL: " + URL_FIELD + " " + e.getMessage());
        }
        String refusal = guard.whyRefusedWithoutLookup(target.host(), OutboundGuard.portOf(target.uri()));
        if (refusal == null) {
            refusal = allowList.whyNotAllowed(target);
        }
        if (refusal != null) {
            throw ApiException.invalid(URL_FIELD, refusal);
        }
        if (config.authType() == AuthType.MSS_A && (config.key() == null || config.key().isEmpty())) {
            throw ApiException.invalid(KEY_FIELD, "is required when " + AUTH_TYPE_FIELD + " is MSS_A");
        }
    }

    /**
     * For outbound calls that are not callbacks (a live job's RTMP push): null when {@code host:port} may be called
     * under the same rule as callbacks ({@code metastudio.callbacks.allowed-hosts}, never this emulator itself;
     * names not resolved), otherwise why not.
     */
    public String whyOutboundRefused(String host, int port) {
        String refusal = guard.whyRefusedWithoutLookup(host, port);
        if (refusal != null) {
            return refusal;
        }
        String name = CallbackTarget.normalize(host);
        java.net.InetAddress literal = null;
        if (IpLiterals.looksLiteral(name)) {
            try {
                literal = IpLiterals.parse(name);
            } catch (IllegalArgumentException e) {
                return "'" + host + "' is not a valid IP address: " + e.getMessage();
            }
        }
        return allowList.whyNotAllowed(new CallbackTarget(java.net.URI.create("http://x/"), name, literal));
    }

    /**
     * Records a callback to send, in the caller's transaction when there is one (otherwise in its own): if that
     * transaction rolls back, nothing is sent; once it commits, a dispatcher on this node is woken. A null config
     * (the job wanted no callback) records nothing, so job code may call this unconditionally.
     *
     * <p>The config must have passed {@link #validate}. The allow-list is not checked again here, so a changed
     * setting cannot make a job's final transition fail; it is checked before each attempt instead.
     *
     * @param body the JSON body, for video jobs {@code {"result": "SUCCEED"|"FAILED", "asset_id": ..., "job_id": ...}}
     */
    @Transactional
    public void enqueue(String projectId, String jobId, CallbackConfig config, Map<String, Object> body) {
        if (config == null) {
            return;
        }
        enqueue(projectId, jobId, config.callbackUrl(), Signing.of(config.authType()), config.key(), body);
    }

    /**
     * The same for a live job's {@code live_event_callback_config} (Table 6-31): {@code url} as configured,
     * {@code authType} NONE (or null), MSS_A (query {@code hwSecret} / {@code hwTime}) or MSS_A_HEAD (headers
     * {@code x-hw-mss-secret} / {@code x-hw-mss-time}), {@code key} the HMAC key (required unless NONE). The caller
     * has checked the URL as {@link #validate} does ({@link #whyOutboundRefused}).
     *
     * @return false, recording nothing, for an {@code authType} without a scheme the emulator signs
     *         ({@code MEITUAN_DEFAULT}: the reference does not give it)
     */
    @Transactional
    public boolean enqueueLiveEvent(String projectId, String jobId, String url, String authType, String key,
                                    Map<String, Object> body) {
        Optional<Signing> signing = Signing.ofLiveEventAuthType(authType);
        signing.ifPresent(s -> enqueue(projectId, jobId, url, s, key, body));
        return signing.isPresent();
    }

    private void enqueue(String projectId, String jobId, String url, Signing signing, String key,
                         Map<String, Object> body) {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(url, "callback_url must have been validated");
        Objects.requireNonNull(signing, "signing");
        if (signing.needsKey() && (key == null || key.isEmpty())) {
            throw new IllegalArgumentException(signing + " needs a key");
        }
        Instant now = clock.instant();
        outbox.insert(new CallbackDelivery(UUID.randomUUID().toString().replace("-", ""), projectId, jobId,
                url, signing, key, JsonColumns.write(body), DeliveryState.PENDING, 0, now,
                null, null, now, now));
        wakeDispatcherAfterCommit();
    }

    private void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake();
                }
            });
        } else {
            dispatcher.wake();
        }
    }
}

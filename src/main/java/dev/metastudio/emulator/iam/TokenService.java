package dev.metastudio.emulator.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metastudio.emulator.config.ServerSecrets;
import dev.metastudio.emulator.edge.auth.TokenVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/**
 * IAM tokens signed statelessly with a key shared through the database: valid for 24 hours, on every node and
 * across restarts, for the one project they were scoped to.
 */
@Service
class TokenService implements TokenVerifier {
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final String SECRET_NAME = "iam-token";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSecrets secrets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenService(ServerSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    record Payload(String user, String projectId, long issuedAt, long expiresAt, String nonce) {
    }

    record Issued(String token, Instant issuedAt, Instant expiresAt) {
    }

    Issued issue(String user, String projectId) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        Payload payload = new Payload(user, projectId, now.getEpochSecond(), expires.getEpochSecond(),
                HexFormat.of().formatHex(nonce));
        try {
            String body = B64.encodeToString(JSON.writeValueAsBytes(payload));
            return new Issued(body + "." + B64.encodeToString(mac(body)), now, expires);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Claims> verify(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        byte[] signature;
        Payload payload;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            payload = JSON.readValue(Base64.getUrlDecoder().decode(body), Payload.class);
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, mac(body))) {
            return Optional.empty();
        }
        if (clock.instant().getEpochSecond() >= payload.expiresAt()) {
            return Optional.empty();
        }
        return Optional.of(new Claims(payload.user(), payload.projectId()));
    }

    private final ThreadLocal<Mac> hmac = new ThreadLocal<>();

    private byte[] mac(String body) {
        try {
            Mac mac = hmac.get();
            if (mac == null) {
                // Keyed once per thread: the provider look-up and key set-up are not paid on every request.
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secrets.get(SECRET_NAME), "HmacSHA256"));
                hmac.set(mac);
            }
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

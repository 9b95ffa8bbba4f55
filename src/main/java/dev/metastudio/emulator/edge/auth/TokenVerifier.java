package dev.metastudio.emulator.edge.auth;

import java.util.Optional;

/** Checks an IAM token presented as {@code X-Auth-Token}; implemented by the IAM feature. */
public interface TokenVerifier {
    record Claims(String user, String projectId) {
    }

    Optional<Claims> verify(String token);
}

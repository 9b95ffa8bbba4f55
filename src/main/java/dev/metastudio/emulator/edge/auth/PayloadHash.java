package dev.metastudio.emulator.edge.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The HashedPayload of the canonical request, bound to the body actually received. The SDK sends
 * {@code X-Sdk-Content-Sha256} only as {@code UNSIGNED-PAYLOAD}, and only for bodies that are not JSON (for MetaStudio
 * the multipart upload of picture modeling); otherwise it signs the hex SHA-256 of the body. So a hex header must be
 * the body's own hash (else a captured signature could carry another body), and {@code UNSIGNED-PAYLOAD} is accepted
 * for multipart bodies only, never for a body the API would read as JSON.
 */
final class PayloadHash {
    static final String HEADER = "X-Sdk-Content-Sha256";
    static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private PayloadHash() {
    }

    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }

    static String of(HttpServletRequest request, AuthorizationHeader header, SpooledBody body) throws Mismatch {
        String declared = request.getHeader(HEADER);
        if (declared == null) {
            return body.sha256Hex();
        }
        if (!header.signedHeaders().contains(HEADER.toLowerCase(Locale.ROOT))) {
            throw new Mismatch("x-sdk-content-sha256 must be a signed header when it is sent");
        }
        if (UNSIGNED.equals(declared)) {
            if (!isMultipart(request.getContentType())) {
                throw new Mismatch(UNSIGNED + " is accepted only for multipart/form-data bodies; sign the body's"
                        + " SHA-256 instead");
            }
            return declared;
        }
        if (!HEX_SHA256.matcher(declared).matches()) {
            throw new Mismatch(HEADER + " must be the hex SHA-256 of the body or " + UNSIGNED);
        }
        if (!declared.equalsIgnoreCase(body.sha256Hex())) {
            throw new Mismatch("the body does not match " + HEADER);
        }
        return declared;
    }

    private static boolean isMultipart(String contentType) {
        return contentType != null
                && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }
}

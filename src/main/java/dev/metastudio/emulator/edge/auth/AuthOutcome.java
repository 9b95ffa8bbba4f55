package dev.metastudio.emulator.edge.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How the gateway decided about a request, kept on the request for the request journal: {@code AKSK} or
 * {@code TOKEN} when a credential was accepted, {@code NONE} when nothing was checked (authentication off, token
 * creation, object URLs), {@code REFUSED} with the reason the caller was told.
 */
public record AuthOutcome(Kind kind, String detail) {
    public static final String ATTRIBUTE = AuthOutcome.class.getName();
    public static final AuthOutcome NONE = new AuthOutcome(Kind.NONE, null);

    public enum Kind { AKSK, TOKEN, NONE, REFUSED }

    /** What the request carries; {@link #NONE} when the auth filter did not run for it. */
    public static AuthOutcome of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof AuthOutcome outcome ? outcome : NONE;
    }

    static void record(HttpServletRequest request, Kind kind, String detail) {
        request.setAttribute(ATTRIBUTE, new AuthOutcome(kind, detail));
    }
}

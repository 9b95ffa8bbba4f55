package dev.metastudio.emulator.edge.auth;

import jakarta.servlet.http.HttpServletRequest;

/** Who is calling, established by the edge; controllers read it from the request. */
public record Caller(String projectId, String principal, Method method) {
    public static final String ATTRIBUTE = Caller.class.getName();

    public enum Method { AKSK, TOKEN, ANONYMOUS }

    public static Caller of(HttpServletRequest request) {
        return (Caller) request.getAttribute(ATTRIBUTE);
    }
}

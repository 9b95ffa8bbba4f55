package dev.metastudio.emulator.edge.auth;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.CanonicalPath;
import dev.metastudio.emulator.edge.CanonicalPathFilter;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.edge.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The control plane's one access rule. With {@code METASTUDIO_ADMIN_TOKEN} set, every {@code /_emulator/} request
 * needs {@code Authorization: Bearer <token>}, except under the {@link #OPEN_PREFIXES}: an endpoint added later is
 * protected unless it is listed there. Without the setting the plane stays open for local use, and start-up says so.
 */
@Component
@Order(CanonicalPathFilter.ORDER + 2)
public class ControlPlaneAuthFilter extends OncePerRequestFilter {
    /**
     * What orchestrators and browsers reach without the token: liveness and readiness, and the console's files.
     * (Object URLs live outside the plane, under {@code /_objects/}, and carry their own signatures.)
     */
    public static final List<String> OPEN_PREFIXES = List.of(CanonicalPath.CONTROL_PLANE + "/health",
            // The console's static page and scripts hold no data; they send the token the user enters.
            CanonicalPath.CONTROL_PLANE + "/console",
            // Live jobs' HLS previews, for the console and a user's player (issue 10); gone after the job's grace time.
            CanonicalPath.CONTROL_PLANE + "/live");
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneAuthFilter.class);
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    public ControlPlaneAuthFilter(EmulatorProperties properties) {
        this.token = properties.adminToken() == null ? null : properties.adminToken().getBytes(StandardCharsets.UTF_8);
        if (token == null) {
            LOG.warn("METASTUDIO_ADMIN_TOKEN is not set: the control plane ({}/: jobs, callbacks, reset, fault and"
                    + " progression rules, seed) is open to anyone who can reach this port; set it when the emulator is shared",
                    CanonicalPath.CONTROL_PLANE);
        } else {
            LOG.info("The control plane requires Authorization: Bearer <METASTUDIO_ADMIN_TOKEN> (open: {})",
                    OPEN_PREFIXES);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        CanonicalPath path = CanonicalPath.of(request);
        return token == null || !path.isUnder(CanonicalPath.CONTROL_PLANE)
                || OPEN_PREFIXES.stream().anyMatch(path::isUnder);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        boolean presented = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        byte[] given = presented ? authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metastudio-emulator control plane\"");
            ErrorWriter.gateway(response, 401, ErrorCodes.GW_AUTH_FAILED, presented
                    ? "Incorrect control plane token: Authorization: Bearer does not match METASTUDIO_ADMIN_TOKEN"
                    : "The control plane requires Authorization: Bearer <METASTUDIO_ADMIN_TOKEN>");
            return;
        }
        chain.doFilter(request, response);
    }
}

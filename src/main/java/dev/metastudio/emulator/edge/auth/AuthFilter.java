package dev.metastudio.emulator.edge.auth;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.BodyLimit;
import dev.metastudio.emulator.edge.BodyLimitFilter;
import dev.metastudio.emulator.edge.CanonicalPathFilter;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.edge.ErrorEnvelope;
import dev.metastudio.emulator.edge.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gateway's authentication: AK/SK signatures exactly as the official SDK computes them, or an IAM token,
 * and the rule that a caller acts only on its own project.
 */
@Component
@Order(CanonicalPathFilter.ORDER + 9)
public class AuthFilter extends OncePerRequestFilter {
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String AUTH_PREFIX = "Incorrect IAM authentication information: ";

    private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);

    private final CredentialRegistry credentials;
    private final TokenVerifier tokens;
    private final boolean strict;
    private final Clock clock;
    private final Path spoolDir;

    public AuthFilter(CredentialRegistry credentials, TokenVerifier tokens, EmulatorProperties properties, Clock clock) {
        this.spoolDir = properties.dataDir().resolve("tmp").resolve("request-bodies");
        this.credentials = credentials;
        this.tokens = tokens;
        this.strict = properties.authStrict();
        this.clock = clock;
        if (!strict) {
            // Said once at start-up, loudly: with this setting anyone who reaches the port acts on every project.
            LOG.warn("METASTUDIO_AUTH=off: authentication is OFF. Every /v1 request is accepted without an AK/SK"
                    + " signature or IAM token, on any project. Use it only for manual calls on your own machine;"
                    + " unset it (strict) whenever the emulator is reachable by others");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.authenticated(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String pathProject = ApiPaths.projectOf(request);
        if (!strict) {
            // Without authentication nothing else bounds the project id before it is stored.
            if (pathProject != null && !ProjectIds.valid(pathProject)) {
                ErrorWriter.write(response, 400, ErrorEnvelope.of(ErrorCodes.INVALID_PARAMETER,
                        "Invalid parameter: project_id " + ProjectIds.RULE));
                return;
            }
            // A valid token still names its caller, so GET /v3/projects answers with the token's project (README's
            // curl example); anything else is the anonymous caller of the path's project.
            Optional<TokenVerifier.Claims> claims = request.getHeader("X-Auth-Token") == null ? Optional.empty()
                    : tokens.verify(request.getHeader("X-Auth-Token"));
            request.setAttribute(Caller.ATTRIBUTE, claims.isPresent() && pathProject == null
                    ? new Caller(claims.get().projectId(), claims.get().user(), Caller.Method.TOKEN)
                    : new Caller(pathProject, "anonymous", Caller.Method.ANONYMOUS));
            AuthOutcome.record(request, claims.isPresent() && pathProject == null ? AuthOutcome.Kind.TOKEN
                    : AuthOutcome.Kind.NONE, "METASTUDIO_AUTH=off");
            chain.doFilter(request, response);
            return;
        }
        String authorization = request.getHeader("Authorization");
        String token = request.getHeader("X-Auth-Token");
        if (authorization != null) {
            akSk(request, response, chain, authorization, pathProject);
        } else if (token != null) {
            token(request, response, chain, token, pathProject);
        } else {
            unauthorized(request, response, "Authorization header or X-Auth-Token is required");
        }
    }

    private void akSk(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                      String authorization, String pathProject) throws IOException, ServletException {
        Optional<AuthorizationHeader> parsed = AuthorizationHeader.parse(authorization);
        if (parsed.isEmpty()) {
            unauthorized(request, response, "malformed Authorization header");
            return;
        }
        AuthorizationHeader header = parsed.get();
        if (!SdkSignature.ALGORITHM.equals(header.algorithm())) {
            unauthorized(request, response, "unsupported signing algorithm " + header.algorithm() + ", use SDK-HMAC-SHA256");
            return;
        }
        Optional<Credential> credential = credentials.find(header.accessKey());
        if (credential.isEmpty()) {
            unauthorized(request, response, "verify aksk signature fail: unknown access key " + header.accessKey());
            return;
        }
        String dateProblem = checkDate(request.getHeader("X-Sdk-Date"), header);
        if (dateProblem != null) {
            unauthorized(request, response, dateProblem);
            return;
        }
        SpooledBody body;
        try {
            body = SpooledBody.read(request.getInputStream(), spoolDir);
        } catch (BodyLimit.TooLargeException e) {
            BodyLimitFilter.tooLarge(response);
            return;
        }
        try {
            String payloadHash = PayloadHash.of(request, header, body);
            String canonical = SdkSignature.canonicalRequest(request.getMethod(), request.getRequestURI(),
                    request.getQueryString(), header.signedHeaders(), request::getHeader, payloadHash);
            String expected = SdkSignature.signature(credential.get().secretKey(),
                    SdkSignature.stringToSign(request.getHeader("X-Sdk-Date"), canonical));
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    header.signature().getBytes(StandardCharsets.US_ASCII))) {
                unauthorized(request, response, "verify aksk signature fail");
                return;
            }
            String projectId = credential.get().projectId();
            if (!ownProject(request, response, projectId, pathProject, request.getHeader("X-Project-Id"))) {
                return;
            }
            request.setAttribute(Caller.ATTRIBUTE, new Caller(projectId, header.accessKey(), Caller.Method.AKSK));
            AuthOutcome.record(request, AuthOutcome.Kind.AKSK, header.accessKey());
            chain.doFilter(new CachedBodyRequest(request, body), response);
        } catch (PayloadHash.Mismatch e) {
            unauthorized(request, response, "verify aksk signature fail: " + e.getMessage());
        } finally {
            body.close();
        }
    }

    private void token(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String token,
                       String pathProject) throws IOException, ServletException {
        Optional<TokenVerifier.Claims> claims = tokens.verify(token);
        if (claims.isEmpty()) {
            unauthorized(request, response, "decrypt token fail");
            return;
        }
        String projectId = claims.get().projectId();
        if (!ownProject(request, response, projectId, pathProject, request.getHeader("X-Project-Id"))) {
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, new Caller(projectId, claims.get().user(), Caller.Method.TOKEN));
        AuthOutcome.record(request, AuthOutcome.Kind.TOKEN, claims.get().user());
        chain.doFilter(request, response);
    }

    private String checkDate(String sdkDate, AuthorizationHeader header) {
        if (sdkDate == null) {
            return "X-Sdk-Date header is required";
        }
        if (!header.signedHeaders().contains("x-sdk-date")) {
            return "x-sdk-date must be a signed header";
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(sdkDate, SDK_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return "X-Sdk-Date '" + sdkDate + "' is not in the format yyyyMMdd'T'HHmmss'Z'";
        }
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            return "calc ak sk signature fail:signature expired (X-Sdk-Date " + sdkDate + " is more than 15 minutes"
                    + " from the server time)";
        }
        return null;
    }

    private static boolean ownProject(HttpServletRequest request, HttpServletResponse response, String callerProject,
                                      String pathProject, String headerProject) throws IOException {
        if (pathProject != null && !pathProject.equals(callerProject)) {
            forbidden(request, response, "The project ID in the path (" + pathProject
                    + ") does not match the project of the credential (" + callerProject + ")");
            return false;
        }
        if (headerProject != null && !headerProject.equals(callerProject)) {
            forbidden(request, response, "The X-Project-Id header (" + headerProject
                    + ") does not match the project of the credential (" + callerProject + ")");
            return false;
        }
        return true;
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        AuthOutcome.record(request, AuthOutcome.Kind.REFUSED, detail);
        ErrorWriter.gateway(response, 401, ErrorCodes.GW_AUTH_FAILED, AUTH_PREFIX + detail);
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        AuthOutcome.record(request, AuthOutcome.Kind.REFUSED, message);
        ErrorWriter.write(response, 403, ErrorEnvelope.of(ErrorCodes.PROJECT_MISMATCH, message));
    }

}

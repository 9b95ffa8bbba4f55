package dev.metastudio.emulator.iam;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

@Service
class IamService {
    private static final DateTimeFormatter IAM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final IamUsers users;
    private final TokenService tokens;
    private final EmulatorProperties properties;

    IamService(IamUsers users, TokenService tokens, EmulatorProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.properties = properties;
    }

    record Created(String token, Map<String, Object> body) {
    }

    Created createToken(TokenRequest request, String baseUrl) {
        TokenRequest.Auth auth = request == null ? null : request.auth();
        if (auth == null || auth.identity() == null) {
            throw invalid("auth.identity is required");
        }
        List<String> methods = auth.identity().methods();
        if (methods == null || !methods.contains("password")) {
            throw invalid("auth.identity.methods must contain \"password\"");
        }
        TokenRequest.User user = auth.identity().password() == null ? null : auth.identity().password().user();
        if (user == null || user.name() == null || user.password() == null) {
            throw invalid("auth.identity.password.user.name and .password are required");
        }
        if (auth.scope() == null || auth.scope().project() == null
                || (auth.scope().project().id() == null && auth.scope().project().name() == null)) {
            throw invalid("auth.scope.project.id or auth.scope.project.name is required: MetaStudio is a project-level service");
        }
        IamUser found = users.authenticate(user.name(), user.password())
                .orElseThrow(() -> new ApiException(401, "IAM.0101", "The username or password is wrong."));
        TokenRequest.Project scope = auth.scope().project();
        boolean scopeMatches = scope.id() != null
                ? scope.id().equals(found.projectId())
                : scope.name().equals(properties.region());
        if (!scopeMatches) {
            throw new ApiException(401, "IAM.0102", "The user has no access to project "
                    + (scope.id() != null ? scope.id() : scope.name()) + "; it may use project " + found.projectId()
                    + " (" + properties.region() + ")");
        }
        TokenService.Issued issued = tokens.issue(found.name(), found.projectId());
        String domainName = user.domain() != null && user.domain().name() != null ? user.domain().name() : found.name();
        Map<String, Object> domain = Map.of("id", stableId("domain:" + domainName), "name", domainName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expires_at", IAM_TIME.format(issued.expiresAt()));
        body.put("issued_at", IAM_TIME.format(issued.issuedAt()));
        body.put("methods", List.of("password"));
        body.put("project", Map.of("id", found.projectId(), "name", properties.region(), "domain", domain));
        body.put("user", Map.of("id", stableId("user:" + found.name()), "name", found.name(), "domain", domain,
                "password_expires_at", ""));
        body.put("roles", List.of(Map.of("id", stableId("role:te_admin"), "name", "te_admin")));
        body.put("catalog", List.of(Map.of("type", "metastudio", "name", "metastudio", "id", stableId("service:metastudio"),
                "endpoints", List.of(Map.of("id", stableId("endpoint:" + baseUrl), "interface", "public",
                        "region", properties.region(), "region_id", properties.region(), "url", baseUrl + "/v1/$(tenant_id)s")))));
        return new Created(issued.token(), body);
    }

    Map<String, Object> project(String projectId) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("id", projectId);
        project.put("name", properties.region());
        project.put("description", "");
        project.put("domain_id", stableId("project-domain:" + projectId));
        project.put("enabled", true);
        project.put("is_domain", false);
        project.put("parent_id", stableId("project-domain:" + projectId));
        return project;
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "IAM.0001", "The request body is invalid: " + message);
    }

    /** 32-hex ids derived from names, so the same user or domain has the same id on every node and restart. */
    static String stableId(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

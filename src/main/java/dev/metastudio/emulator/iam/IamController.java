package dev.metastudio.emulator.iam;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.edge.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The slice of IAM that MetaStudio callers use: password tokens, and the project lookup the SDK makes. */
@RestController
class IamController {
    private final IamService iam;
    private final EmulatorProperties properties;

    IamController(IamService iam, EmulatorProperties properties) {
        this.iam = iam;
        this.properties = properties;
    }

    @PostMapping("/v3/auth/tokens")
    ResponseEntity<Map<String, Object>> createToken(@RequestBody(required = false) TokenRequest body,
                                                    HttpServletRequest request) {
        IamService.Created created = iam.createToken(body, baseUrl(request));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("X-Subject-Token", created.token())
                .body(Map.of("token", created.body()));
    }

    /** What {@code BasicCredentials.withRegion} asks when no project id was given: the caller's own project. */
    @GetMapping("/v3/projects")
    Map<String, Object> projects(@RequestParam(required = false) String name, HttpServletRequest request) {
        Caller caller = Caller.of(request);
        if (caller == null || caller.projectId() == null) {
            throw new ApiException(401, ErrorCodes.GW_AUTH_FAILED, "Incorrect IAM authentication information: a credential is required");
        }
        boolean matches = name == null || name.equals(properties.region());
        List<Map<String, Object>> projects = matches ? List.of(iam.project(caller.projectId())) : List.of();
        return Map.of("projects", projects, "links", Map.of("self", baseUrl(request) + "/v3/projects"));
    }

    private static String baseUrl(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getHeader("Host");
    }
}

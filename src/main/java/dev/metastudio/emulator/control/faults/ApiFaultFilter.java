package dev.metastudio.emulator.control.faults;

import dev.metastudio.emulator.edge.CanonicalPath;
import dev.metastudio.emulator.edge.CanonicalPathFilter;
import dev.metastudio.emulator.edge.ErrorEnvelope;
import dev.metastudio.emulator.edge.ErrorWriter;
import dev.metastudio.emulator.edge.OperationCatalog;
import dev.metastudio.emulator.edge.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API fault rules, applied after authentication (a faulted call is still a correctly signed one, and a refused one
 * is refused as usual) and before anything runs: a faulted call creates or changes nothing. The first rule (oldest)
 * that matches, passes its probability and still has times left applies: its delay, then its error envelope or its
 * connection fault; a delay alone lets the call go on late.
 */
@Component
@Order(CanonicalPathFilter.ORDER + 14)
class ApiFaultFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(ApiFaultFilter.class);

    private final FaultRules rules;

    ApiFaultFilter(FaultRules rules) {
        this.rules = rules;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CanonicalPath.of(request).isUnder(CanonicalPath.API);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<FaultRule> applied = decide(request);
        if (applied.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        FaultRule rule = applied.get();
        LOG.info("Fault rule {} applies to {} {}", rule.ruleId(), request.getMethod(), request.getRequestURI());
        if (rule.delayMs() != null && rule.delayMs() > 0) {
            try {
                Thread.sleep(rule.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (rule.fault() != null) {
            ConnectionFaultValve.abort(request, rule.fault());
            return;
        }
        if (rule.status() == null) {
            chain.doFilter(request, response);
            return;
        }
        // As the real service answers: API Gateway errors name the request id in the body, MetaStudio's do not.
        boolean gateway = rule.errorCode().startsWith("APIGW.");
        ErrorWriter.write(response, rule.status(), new ErrorEnvelope(rule.errorCode(), rule.errorMsg(),
                gateway ? RequestIds.current() : null));
    }

    private Optional<FaultRule> decide(HttpServletRequest request) {
        CanonicalPath path = CanonicalPath.of(request);
        String projectId = path.apiProjectId();
        var candidates = rules.candidates(FaultRule.Scope.API, projectId);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String method = request.getMethod();
        String operation = OperationCatalog.sdk().match(method, path.value()).map(OperationCatalog.Operation::name)
                .orElse(null);
        String afterProject = afterProject(path.value());
        return candidates.stream()
                .filter(rule -> rules.matches(rule, method, operation, afterProject))
                .filter(rules::apply)
                .findFirst();
    }

    /** {@code /v1/{project_id}/digital-assets/x} → {@code /digital-assets/x}; {@code /} when nothing follows. */
    static String afterProject(String path) {
        int projectStart = CanonicalPath.API.length() + 1;
        int rest = path.indexOf('/', Math.min(projectStart, path.length()));
        return rest < 0 ? "/" : path.substring(rest);
    }
}

package dev.metastudio.emulator.control.discovery;

import dev.metastudio.emulator.edge.CanonicalPath;
import dev.metastudio.emulator.edge.OperationCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Which of the official SDK's operations this emulator answers, worked out from the controllers themselves: each
 * catalogue row's path template is filled with sample ids and matched against every registered request mapping of
 * the same HTTP method. Nothing is listed by hand, so a new controller shows up as soon as it is mapped.
 */
@Component
class Coverage {
    /** Looks like the ids the API issues, so mappings with id patterns such as {@code {job_id:[0-9a-f]+}} match. */
    static final String SAMPLE_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final Pattern VARIABLE = Pattern.compile("\\{[^/}]+}");

    record Row(String operation, String method, String path, boolean implemented) {
    }

    record Report(int total, int implemented, List<Row> operations) {
    }

    private final RequestMappingHandlerMapping mappings;

    Coverage(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** The MetaStudio SDK's operations (the {@code /v1} rows of the catalogue), in the catalogue's order. */
    Report report() {
        List<Mapping> registered = registered();
        List<Row> rows = new ArrayList<>();
        for (OperationCatalog.Operation op : OperationCatalog.sdk().all()) {
            if (!op.path().startsWith(CanonicalPath.API + "/")) {
                continue;
            }
            PathContainer sample = PathContainer.parsePath(sample(op.path()));
            boolean implemented = registered.stream().anyMatch(m -> m.serves(op.method(), sample));
            rows.add(new Row(op.name(), op.method(), op.path(), implemented));
        }
        return new Report(rows.size(), (int) rows.stream().filter(Row::implemented).count(), rows);
    }

    static String sample(String template) {
        Matcher m = VARIABLE.matcher(template);
        return m.replaceAll(SAMPLE_ID);
    }

    private record Mapping(Set<RequestMethod> methods, Set<PathPattern> patterns) {
        boolean serves(String method, PathContainer path) {
            boolean methodMatches = methods.isEmpty()
                    || methods.stream().anyMatch(m -> m.name().equalsIgnoreCase(method));
            // A catch-all ("/**") answers anything, e.g. with a 404: it implements no operation.
            return methodMatches && patterns.stream()
                    .filter(p -> !p.getPatternString().endsWith("/**"))
                    .anyMatch(p -> p.matches(path));
        }
    }

    private List<Mapping> registered() {
        List<Mapping> found = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            found.add(new Mapping(info.getMethodsCondition().getMethods(),
                    info.getPathPatternsCondition().getPatterns()));
        }
        return found;
    }
}

package dev.metastudio.emulator.edge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The official SDK's operations (name, method, path template), so that a request can be named as the SDK names it:
 * fault rules match on it, the request journal records it and the coverage report lists it. The table is a resource
 * taken from the SDK's own request definitions and checked against them by a test.
 */
public final class OperationCatalog {
    private static final String RESOURCE = "/sdk/operations.tsv";
    private static final OperationCatalog SDK = load();

    /** One operation; {@code path} is the SDK's template, e.g. {@code /v1/{project_id}/digital-assets/{asset_id}}. */
    public record Operation(String name, String method, String path) {
        List<String> segments() {
            return segmentsOf(path);
        }

        /** Literal segments count more than variables, so {@code /digital-assets/summarys} wins over {@code /{asset_id}}. */
        int literalSegments() {
            return (int) segments().stream().filter(s -> !isVariable(s)).count();
        }
    }

    private final List<Operation> operations;

    private OperationCatalog(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    public static OperationCatalog sdk() {
        return SDK;
    }

    public List<Operation> all() {
        return operations;
    }

    public Optional<Operation> byName(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** The operation a request of this method on this canonical path (no query) is; the most specific template wins. */
    public Optional<Operation> match(String method, String path) {
        List<String> actual = segmentsOf(path);
        return operations.stream()
                .filter(o -> o.method().equalsIgnoreCase(method) && matches(o.segments(), actual))
                .max(Comparator.comparingInt(Operation::literalSegments));
    }

    /** Whether {@code template} (SDK-style with {@code {var}} segments) matches {@code path}. */
    public static boolean matches(String template, String path) {
        return matches(segmentsOf(template), segmentsOf(path));
    }

    private static boolean matches(List<String> template, List<String> actual) {
        if (template.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (!isVariable(t) && !t.equals(actual.get(i))) {
                return false;
            }
            if (isVariable(t) && actual.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> segmentsOf(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return List.of(trimmed.split("/", -1));
    }

    private static OperationCatalog load() {
        List<Operation> rows = new ArrayList<>();
        try (InputStream in = OperationCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                rows.add(new Operation(cols[0], cols[1], cols[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OperationCatalog(rows);
    }
}

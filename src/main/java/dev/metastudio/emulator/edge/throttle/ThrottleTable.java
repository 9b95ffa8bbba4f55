package dev.metastudio.emulator.edge.throttle;

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
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The documented per-API limits for one region's column, matched against method and path. */
final class ThrottleTable {
    static final List<String> REGIONS = List.of("cn-north-4", "cn-east-3", "ap-southeast-3");

    record Limit(String method, PathPattern pattern, String api, int perSecond) {
    }

    private final List<Limit> limits;

    private ThrottleTable(List<Limit> limits) {
        this.limits = limits;
    }

    static ThrottleTable forRegion(String region) {
        int column = REGIONS.indexOf(region);
        if (column < 0) {
            throw new IllegalArgumentException("METASTUDIO_THROTTLE must be off or one of " + REGIONS + ", not " + region);
        }
        List<Limit> limits = new ArrayList<>();
        PathPatternParser parser = new PathPatternParser();
        try (InputStream in = ThrottleTable.class.getResourceAsStream("/edge/throttling.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                limits.add(new Limit(cells[0], parser.parse("/v1/{project_id}" + cells[1]), cells[2],
                        Integer.parseInt(cells[3 + column].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        limits.sort(Comparator.comparing(Limit::pattern, PathPattern.SPECIFICITY_COMPARATOR));
        return new ThrottleTable(List.copyOf(limits));
    }

    Optional<Limit> find(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return limits.stream()
                .filter(limit -> limit.method().equals(method) && limit.pattern().matches(container))
                .findFirst();
    }

    int size() {
        return limits.size();
    }
}

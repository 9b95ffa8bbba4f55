package dev.metastudio.emulator.edge.fuzz;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpResponse;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A bounded, deterministic fuzz of every mapped {@code /v1} endpoint, found in Spring's own handler mapping: for
 * each, malformed bodies, one-place mutations of a plausible body (wrong types, huge strings, NUL, unknown enums,
 * numbers for enums, nulls in lists, out-of-range numbers), bad paging and query values, and odd path ids. Every
 * request is signed with a real AK/SK so it reaches the controllers. What it checks of every answer: never a 5xx,
 * and an error is the documented envelope with an {@code X-Request-Id}.
 */
final class ApiFuzzer {
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");
    private static final int RANDOM_MUTATIONS_PER_NODE = 2;
    private static final String LONGER_THAN_ANY_COLUMN = "\"" + "x".repeat(4097) + "\"";
    private static final List<String> VALUE_MUTATIONS = List.of(
            "null", "\"" + "x".repeat(65) + "\"", "\"" + "x".repeat(129) + "\"", "\"" + "x".repeat(257) + "\"",
            "\"" + "x".repeat(1025) + "\"", "\"" + "x".repeat(4097) + "\"", "\"" + "x".repeat(70_000) + "\"",
            "\"a\\u0000b\"", "\"\\u0000\"", "123456789012", "-1", "0", "1.5", "1e308", "-2147483649", "true",
            "{}", "[]", "[null]", "[\"x\"]", "[{}]", "\"NOT_A_DOCUMENTED_VALUE\"", "1", "\"\\ud800\"", "\"中文\"",
            "\"" + "[1,2]".repeat(3) + "\"", "{\"a\":null}");
    private static final List<String> WHOLE_BODIES = List.of(
            "", "{", "{\"a\":", "[]", "\"text\"", "123", "null", "{} {}", "{}x", "{\"a\":1,\"a\":2}", "[null]",
            "[".repeat(3000) + "]".repeat(3000), "{\"\\u0000\":1}", "{\"a\":\"\\u0000\"}");
    private static final List<Map<String, String>> QUERIES = List.of(
            Map.of("limit", "-1"), Map.of("limit", "0"), Map.of("limit", "abc"), Map.of("limit", "99999999999"),
            Map.of("limit", "1000000"), Map.of("offset", "-5"), Map.of("offset", "abc"),
            Map.of("offset", "99999999999999999999"), Map.of("offset", "2147483647", "limit", "100"),
            Map.of("sort_key", "nope"), Map.of("sort_dir", "sideways"), Map.of("create_since", "not-a-date"),
            Map.of("create_until", "2021-13-45T99:00:00Z"), Map.of("start_time", "x", "end_time", "y"),
            Map.of("state", "NOPE"), Map.of("asset_type", "NOPE,IMAGE"), Map.of("asset_source", "X"),
            Map.of("name", "n".repeat(300)), Map.of("name", "a\u0000b"), Map.of("tag", "\u0000"),
            Map.of("accurate_query_field", "nope"), Map.of("show_script", "maybe"), Map.of("job_type", "NOPE"),
            Map.of("asset_state", "ACTIVED,NOPE"), Map.of("mode", "force\u0000"), Map.of("mode", "sideways"),
            Map.of("style_id", "s".repeat(100)), Map.of("sex", "x"), Map.of("language", "l".repeat(100)),
            Map.of("system_property", "BACKGROUND_IMG:Yes:extra"), Map.of("action_editable", "perhaps"),
            Map.of("script_catalog", "x"), Map.of("limit", "1", "offset", "1"));
    private static final List<String> ODD_IDS = List.of(
            "00000000-0000-0000-0000-000000000000", "i".repeat(300), "中文id", "a b", "a%25b", "%E2%80%AE", "-1");

    record Endpoint(String method, String pattern, JavaType body, Set<String> queryNames) {
    }

    record Outcome(int requests, Map<Integer, Integer> byStatus, List<String> failures) {
    }

    private final SdkWire wire;
    private final BasicCredentials credentials;
    private final ObjectMapper mapper;
    /** Answers are read leniently: judging them must not depend on the server's strict reading of requests. */
    private final ObjectMapper plain = new ObjectMapper();
    private final Map<String, String> realIds;
    private final Map<String, JsonNode> seeds;
    private final Random random = new Random(20260901L);

    /**
     * @param realIds path variable values that exist (e.g. {@code asset_id}), so mutations reach past the lookup
     * @param seeds   valid bodies for some endpoints ({@code "POST /v1/{project_id}/..."}), mutated instead of the
     *                generated sample so the mutations reach the deeper validation
     */
    ApiFuzzer(String baseUrl, BasicCredentials credentials, ObjectMapper mapper, Map<String, String> realIds,
              Map<String, JsonNode> seeds) {
        this.wire = new SdkWire(baseUrl);
        this.credentials = credentials;
        this.mapper = mapper;
        this.realIds = realIds;
        this.seeds = seeds;
    }

    /** Every /v1 method and path Spring routes, with its body type and named query parameters. */
    static List<Endpoint> endpoints(RequestMappingHandlerMapping mapping, ObjectMapper mapper) {
        Map<String, Endpoint> found = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            JavaType body = null;
            Set<String> queryNames = new java.util.TreeSet<>();
            for (Parameter parameter : entry.getValue().getMethod().getParameters()) {
                if (parameter.isAnnotationPresent(RequestBody.class)) {
                    body = mapper.getTypeFactory().constructType(parameter.getParameterizedType());
                }
                RequestParam param = parameter.getAnnotation(RequestParam.class);
                if (param != null && !param.value().isEmpty()) {
                    queryNames.add(param.value());
                }
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/v1/")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    found.put(method.name() + " " + pattern, new Endpoint(method.name(), pattern, body, queryNames));
                }
            }
        }
        return List.copyOf(found.values());
    }

    List<Call> calls(List<Endpoint> endpoints) {
        List<Call> calls = new ArrayList<>();
        // Deletions last: they remove the real resources the other calls aim at.
        List<Endpoint> ordered = new ArrayList<>(endpoints);
        ordered.sort(java.util.Comparator.comparing(e -> e.method().equals("DELETE")));
        for (Endpoint endpoint : ordered) {
            String path = fill(endpoint.pattern(), realIds);
            HttpMethod method = HttpMethod.valueOf(endpoint.method());
            for (String id : ODD_IDS) {
                if (VARIABLE.matcher(endpoint.pattern().replace("{project_id}", "")).find()) {
                    calls.add(Call.of(method, fill(endpoint.pattern(), Map.of(), id)).withBody(
                            endpoint.body() == null ? null : "{}"));
                }
            }
            if (endpoint.method().equals("GET") || endpoint.method().equals("DELETE")) {
                for (Map<String, String> query : QUERIES) {
                    calls.add(Call.of(method, path).withQuery(asQuery(query)));
                }
            }
            if (endpoint.body() != null) {
                for (String body : WHOLE_BODIES) {
                    calls.add(Call.of(method, path).withBody(body));
                }
                JsonNode seed = seeds.get(endpoint.method() + " " + endpoint.pattern());
                JsonNode base = merge(new BodySamples(mapper).sample(endpoint.body()), seed);
                calls.add(Call.of(method, path).withBody(base.toString()));
                calls.add(Call.of(method, path).withBody(base + " trailing"));
                calls.add(Call.of(method, path).withBody(base.toString()).withContentType("text/plain"));
                calls.add(Call.of(method, path).withBody(base.toString())
                        .withHeaders(Map.of("X-App-UserId", "u".repeat(129))));
                calls.add(Call.of(method, path).withBody(base.toString())
                        .withHeaders(Map.of("X-App-UserId", "a\tb")));
                // The seed is valid, so its mutations reach the deepest checks; the full sample covers every field.
                for (String mutated : mutations(base)) {
                    calls.add(Call.of(method, path).withBody(mutated));
                }
                if (seed != null) {
                    for (String mutated : mutations(seed)) {
                        calls.add(Call.of(method, path).withBody(mutated));
                    }
                }
            }
        }
        return calls;
    }

    /** Sends every call from {@code threads} threads and judges each answer. */
    Outcome run(List<Call> calls, int threads) throws InterruptedException {
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (Call call : calls) {
            pool.submit(() -> {
                String problem;
                try {
                    HttpResponse response = wire.send(credentials, call);
                    sent.incrementAndGet();
                    byStatus.merge(response.getStatusCode(), 1, Integer::sum);
                    problem = judge(response);
                } catch (RuntimeException e) {
                    problem = "no answer: " + e;
                }
                if (problem != null) {
                    failures.add(describe(call) + " -> " + problem);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            failures.add("the fuzz did not finish within 5 minutes");
        }
        return new Outcome(sent.get(), new TreeMap<>(byStatus), List.copyOf(failures));
    }

    private String judge(HttpResponse response) {
        int status = response.getStatusCode();
        String requestId = response.getHeader("X-Request-Id");
        String body = response.getBodyAsString();
        if (status >= 500) {
            return "HTTP " + status + " " + abbreviate(body);
        }
        if (requestId == null || requestId.isBlank()) {
            return "HTTP " + status + " without X-Request-Id";
        }
        if (status >= 400) {
            try {
                JsonNode envelope = plain.readTree(body);
                if (!envelope.path("error_code").isTextual() || !envelope.path("error_msg").isTextual()) {
                    return "HTTP " + status + " not in the envelope: " + abbreviate(body);
                }
            } catch (Exception e) {
                return "HTTP " + status + " body is not JSON: " + abbreviate(body);
            }
        }
        return null;
    }

    /**
     * One-place mutations of the body: every node gets a string longer than any column (4,097 characters) and a
     * NUL, plus {@link #RANDOM_MUTATIONS_PER_NODE} other hostile values picked at random (seeded, so a run repeats).
     */
    private List<String> mutations(JsonNode base) {
        List<String> out = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        collect(base, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            out.add(replace(base, path, LONGER_THAN_ANY_COLUMN));
            out.add(replace(base, path, "\"a\\u0000b\""));
            for (int i = 0; i < RANDOM_MUTATIONS_PER_NODE; i++) {
                out.add(replace(base, path, VALUE_MUTATIONS.get(random.nextInt(VALUE_MUTATIONS.size()))));
            }
        }
        return out;
    }

    /** The generated sample with the seed's values laid over it, so every field is present and valid where known. */
    private static JsonNode merge(JsonNode sample, JsonNode seed) {
        if (seed == null) {
            return sample;
        }
        if (sample instanceof ObjectNode object && seed instanceof ObjectNode overlay) {
            ObjectNode merged = object.deepCopy();
            overlay.fieldNames().forEachRemaining(name -> merged.set(name, merge(object.get(name), overlay.get(name))));
            return merged;
        }
        if (sample instanceof ArrayNode array && seed instanceof ArrayNode overlay && !array.isEmpty()) {
            ArrayNode merged = overlay.arrayNode();
            overlay.forEach(item -> merged.add(merge(array.get(0), item)));
            return merged;
        }
        return seed;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> paths) {
        if (!path.isEmpty()) {
            paths.add(List.copyOf(path));
        }
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                path.add(name);
                collect(object.get(name), path, paths);
                path.remove(path.size() - 1);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                path.add(i);
                collect(array.get(i), path, paths);
                path.remove(path.size() - 1);
            }
        }
    }

    /** The body with the node at {@code path} replaced by raw JSON text (which may hold escapes Jackson keeps). */
    private static String replace(JsonNode base, List<Object> path, String rawValue) {
        String marker = "\"@@FUZZ@@\"";
        JsonNode copy = base.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.put((String) last, "@@FUZZ@@");
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, array.textNode("@@FUZZ@@"));
        }
        return copy.toString().replace(marker, rawValue);
    }

    private static String fill(String pattern, Map<String, String> ids) {
        return fill(pattern, ids, "missing-" + Integer.toHexString(pattern.hashCode()));
    }

    private static String fill(String pattern, Map<String, String> ids, String fallback) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals("project_id") ? "{project_id}" : ids.getOrDefault(name, fallback);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private static Map<String, List<String>> asQuery(Map<String, String> query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        query.forEach((key, value) -> out.put(key, List.of(value)));
        return out;
    }

    private static String describe(Call call) {
        String body = call.body() == null ? "" : call.body().length() <= 600 ? " body=" + call.body()
                : " body=" + call.body().substring(0, 200) + "...(" + call.body().length() + " chars)..."
                        + call.body().substring(call.body().length() - 200);
        return call.method() + " " + call.path() + (call.query().isEmpty() ? "" : " ?" + call.query())
                + (call.headers().isEmpty() ? "" : " headers=" + call.headers().keySet()) + body;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        String flat = text.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "...(" + flat.length() + " chars)" : flat;
    }
}

package dev.metastudio.emulator.live.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.media.MediaException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Component;

/**
 * Audience events against the job's interaction rules (reference 6.1.1 Table 6-19 and following; catalogue §8):
 * candidates are the enabled rules of the event's type whose enabled_scenes include the current scene (or that name
 * none); each tag reads a key of the event's content JSON (a plain key, or a dotted path such as user.level; a key
 * not at the top is also looked up under user and gift), aggregated by operation (NONE the value, COUNT the events
 * of that rule so far, SUM / AVG the numeric values so far, over the whole job), and compared by match (EQUAL,
 * REGEX as a search, MATH_* numerically); relation AND needs all tags, OR any, RESERVED is the catch-all that
 * answers only when no other rule matched. The smallest priority wins (default 500; ties: the first in the list);
 * only that rule fires, if its time_window allows (-1 once per job, 0 always, n at most once per n seconds). A hit
 * speaks one of its reply_texts (reply_order ORDER in turn, RANDOM otherwise) with the trigger's play_type (default
 * PLAY_NOW), or, without reply_texts, plays one of its reply_audios the same way; its IMAGE layer_config and
 * extra_layer_config are shown for their display_duration.
 */
@Component
class LiveRules {
    private final Random random = new Random();

    /** What a job remembers of its rules: last firing time, aggregates, reply rotation. */
    static final class State {
        final Map<String, Long> lastFired = new HashMap<>();
        final Map<String, double[]> aggregates = new HashMap<>();
        final Map<String, Integer> replyTurn = new HashMap<>();
    }

    /** Gives each rule without one a server-assigned rule_index (a copy; null stays an empty list). */
    static ArrayNode indexed(JsonNode rules) {
        ArrayNode out = JsonColumns.MAPPER.createArrayNode();
        if (rules instanceof ArrayNode arr) {
            for (JsonNode r : arr) {
                ObjectNode copy = r.isObject() ? ((ObjectNode) r).deepCopy() : JsonColumns.MAPPER.createObjectNode();
                if (LiveConfig.text(copy, "rule_index") == null || copy.path("rule_index").asText().isEmpty()) {
                    copy.put("rule_index", UUID.randomUUID().toString().replace("-", ""));
                }
                out.add(copy);
            }
        }
        return out;
    }

    /** Evaluates a report's events in order; returns what fired. */
    Map<String, Object> handle(JsonNode report, LivePlayback playback, State state, LiveRunner.Session session)
            throws MediaException {
        List<Map<String, Object>> hits = new ArrayList<>();
        for (JsonNode event : LiveConfig.array(report, "events")) {
            Match match = match(playback.config(), currentScene(playback), event, state, System.currentTimeMillis());
            if (match == null) {
                continue;
            }
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("rule_index", match.ruleIndex);
            String reply = match.replyText;
            if (reply != null) {
                String replyId = UUID.randomUUID().toString().replace("-", "");
                session.reply(replyId, reply, match.playType);
                hit.put("reply_id", replyId);
                hit.put("reply_text", reply);
            } else if (match.replyAudio != null) {
                String replyId = UUID.randomUUID().toString().replace("-", "");
                try {
                    session.replyAudio(replyId, match.replyAudio, match.playType);
                    hit.put("reply_id", replyId);
                    hit.put("reply_audio", match.replyAudio);
                } catch (LiveRunner.CommandFailure | MediaException e) {
                    hit.put("reply_error", e.getMessage());
                }
            }
            // The rule's IMAGE layers (layer_config, extra_layer_config) are shown for their display_duration.
            List<String> layers = new ArrayList<>();
            for (String field : List.of("layer_config", "extra_layer_config")) {
                JsonNode layer = match.trigger == null ? null : match.trigger.get(field);
                if (layer != null && layer.isObject() && "IMAGE".equals(LiveConfig.text(layer, "layer_type"))) {
                    try {
                        session.showLayer(layer, "trigger." + field);
                        layers.add(field);
                    } catch (LiveRunner.CommandFailure | MediaException e) {
                        hit.put("layer_error", e.getMessage());
                    }
                }
            }
            if (!layers.isEmpty()) {
                hit.put("layers", layers);
            }
            hits.add(hit);
        }
        return Map.of("hits", hits);
    }

    private static String currentScene(LivePlayback playback) {
        LivePlayback.Slot slot = playback.current();
        if (slot == null) {
            List<LiveConfig.SceneScript> scenes = playback.config().scenes();
            return scenes.isEmpty() ? null : scenes.get(0).scriptName();
        }
        LiveConfig.SceneScript scene = playback.sceneOf(slot);
        return scene == null ? null : scene.scriptName();
    }

    record Match(String ruleIndex, String replyText, String playType, String replyAudio, JsonNode trigger) {
    }

    /** The rule an event fires (already recorded as fired), or null. */
    Match match(LiveConfig config, String sceneName, JsonNode event, State state, long nowMillis) {
        int type = event.path("type").asInt(-1);
        JsonNode content = parseContent(event.path("content"));
        JsonNode best = null;
        int bestPriority = Integer.MAX_VALUE;
        JsonNode reserved = null;
        int reservedPriority = Integer.MAX_VALUE;
        for (JsonNode rule : config.rules()) {
            if (!rule.path("enabled").asBoolean(true) || rule.path("event_type").asInt(-2) != type
                    || !inScene(rule, sceneName)) {
                continue;
            }
            JsonNode hc = rule.path("hit_condition");
            int priority = hc.path("priority").asInt(500);
            String relation = LiveConfig.textOr(hc, "relation", "AND");
            if (relation.equals("RESERVED")) {
                if (priority < reservedPriority) {
                    reserved = rule;
                    reservedPriority = priority;
                }
                continue;
            }
            if (matches(rule, relation, content, state) && priority < bestPriority) {
                best = rule;
                bestPriority = priority;
            }
        }
        JsonNode chosen = best != null ? best : reserved;
        if (chosen == null) {
            return null;
        }
        String index = LiveConfig.textOr(chosen, "rule_index", "");
        JsonNode trigger = chosen.path("trigger");
        int window = trigger.path("time_window").asInt(0);
        Long last = state.lastFired.get(index);
        if (last != null && (window < 0 || (window > 0 && nowMillis - last < window * 1000L))) {
            return null;
        }
        state.lastFired.put(index, nowMillis);
        String mode = LiveConfig.textOr(trigger, "reply_mode", "SYSTEM_REPLY");
        String text = null;
        String audio = null;
        if (!mode.equals("SHOW_LAYER")) {
            List<String> texts = new ArrayList<>();
            LiveConfig.array(trigger, "reply_texts").forEach(n -> texts.add(n.asText()));
            if (!texts.isEmpty()) {
                if ("RANDOM".equals(LiveConfig.text(trigger, "reply_order"))) {
                    text = texts.get(random.nextInt(texts.size()));
                } else {
                    int turn = state.replyTurn.merge(index, 1, Integer::sum) - 1;
                    text = texts.get(turn % texts.size());
                }
            }
        }
        if (!mode.equals("SHOW_LAYER") && text == null) {
            List<String> audios = new ArrayList<>();
            LiveConfig.array(trigger, "reply_audios").forEach(n -> {
                String url = LiveConfig.text(n, "audio_url");
                if (url != null && !url.isEmpty()) {
                    audios.add(url);
                }
            });
            if (!audios.isEmpty()) {
                if ("RANDOM".equals(LiveConfig.text(trigger, "reply_order"))) {
                    audio = audios.get(random.nextInt(audios.size()));
                } else {
                    int turn = state.replyTurn.merge(index, 1, Integer::sum) - 1;
                    audio = audios.get(turn % audios.size());
                }
            }
        }
        return new Match(index, text, LiveConfig.textOr(trigger, "play_type", "PLAY_NOW"), audio, trigger);
    }

    private static boolean inScene(JsonNode rule, String sceneName) {
        JsonNode scenes = rule.get("enabled_scenes");
        if (!(scenes instanceof ArrayNode arr) || arr.isEmpty()) {
            return true;
        }
        for (JsonNode s : arr) {
            if (s.asText().equals(sceneName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode rule, String relation, JsonNode content, State state) {
        String index = LiveConfig.textOr(rule, "rule_index", "");
        List<JsonNode> tags = new ArrayList<>();
        LiveConfig.array(rule.path("hit_condition"), "tags").forEach(tags::add);
        if (tags.isEmpty()) {
            return true;
        }
        boolean any = false;
        boolean all = true;
        for (int i = 0; i < tags.size(); i++) {
            boolean ok = tag(tags.get(i), content, state, index + "#" + i);
            any |= ok;
            all &= ok;
        }
        return relation.equals("OR") ? any : all;
    }

    static boolean tag(JsonNode tag, JsonNode content, State state, String key) {
        String raw = lookup(content, LiveConfig.textOr(tag, "tag", "content"));
        String operation = LiveConfig.textOr(tag, "operation", "NONE");
        String value;
        if (operation.equals("NONE")) {
            value = raw;
        } else {
            double[] agg = state.aggregates.computeIfAbsent(key, k -> new double[2]);
            agg[0] += 1;
            agg[1] += number(raw) == null ? 0 : number(raw).doubleValue();
            value = switch (operation) {
                case "COUNT" -> String.valueOf((long) agg[0]);
                case "SUM" -> BigDecimal.valueOf(agg[1]).stripTrailingZeros().toPlainString();
                default -> BigDecimal.valueOf(agg[1] / agg[0]).stripTrailingZeros().toPlainString();
            };
        }
        if (value == null) {
            return false;
        }
        String expected = LiveConfig.textOr(tag, "value", "");
        String match = LiveConfig.textOr(tag, "match", "EQUAL");
        switch (match) {
            case "EQUAL" -> {
                return value.equals(expected);
            }
            case "REGEX" -> {
                try {
                    return Pattern.compile(expected).matcher(value).find();
                } catch (PatternSyntaxException e) {
                    return false;
                }
            }
            default -> {
                BigDecimal a = number(value);
                BigDecimal b = number(expected);
                if (a == null || b == null) {
                    return false;
                }
                int c = a.compareTo(b);
                return switch (match) {
                    case "MATH_GT" -> c > 0;
                    case "MATH_GE" -> c >= 0;
                    case "MATH_LT" -> c < 0;
                    case "MATH_LE" -> c <= 0;
                    case "MATH_EQ" -> c == 0;
                    default -> false;
                };
            }
        }
    }

    private static JsonNode parseContent(JsonNode content) {
        if (content.isTextual()) {
            try {
                return JsonColumns.MAPPER.readTree(content.asText());
            } catch (Exception e) {
                return JsonColumns.MAPPER.createObjectNode().put("content", content.asText());
            }
        }
        return content;
    }

    static String lookup(JsonNode content, String path) {
        JsonNode node = content;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null && !path.contains(".")) {
            node = content.path("user").get(path);
            if (node == null) {
                node = content.path("gift").get(path);
            }
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static BigDecimal number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package dev.metastudio.emulator.live.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metastudio.emulator.config.JsonColumns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a live job plays, read from the room configuration it runs (SmartLiveRoomInfo, reference Table 6-3 and
 * following; the start body's overrides already applied): scenes with their paragraphs, play policy, interaction
 * rules and output. Lenient: absent fields take their documented defaults.
 */
record LiveConfig(ObjectNode document, List<SceneScript> scenes, PlayPolicy playPolicy, String interactionPlayType,
                  boolean ignoreCurrentSentence, List<JsonNode> rules, int width, int height, int bitrateKbps,
                  String outputUrl, String streamKey, List<String> backupModels) {

    /** LiveVideoScriptInfo: a scene. */
    record SceneScript(String scriptName, String modelAssetId, JsonNode voiceConfig, JsonNode backgrounds,
                       JsonNode layers, List<Paragraph> paragraphs) {
    }

    /** LiveShootScriptItem: a paragraph. */
    record Paragraph(int sequenceNo, String title, String text, String audioUrl) {
    }

    /** PlayPolicy (Table 6-28): repeat_count default 0, auto_play_script true, random_play_mode SCRIPT_ITEM. */
    record PlayPolicy(int repeatCount, boolean autoPlayScript, String playMode, String randomPlayMode) {
    }

    static LiveConfig parse(String json) {
        return of((ObjectNode) JsonColumns.read(json, JsonNode.class));
    }

    static LiveConfig of(ObjectNode doc) {
        List<SceneScript> scenes = new ArrayList<>();
        for (JsonNode s : array(doc, "scene_scripts")) {
            List<Paragraph> paragraphs = new ArrayList<>();
            for (JsonNode p : array(s, "shoot_scripts")) {
                JsonNode audio = p.path("audio_config");
                paragraphs.add(new Paragraph(p.path("sequence_no").asInt(paragraphs.size()),
                        text(p, "title"), text(p.path("text_config"), "text"), text(audio, "audio_url")));
            }
            paragraphs.sort(Comparator.comparingInt(Paragraph::sequenceNo));
            scenes.add(new SceneScript(text(s, "script_name"), text(s, "model_asset_id"), s.get("voice_config"),
                    s.path("background_config"), s.path("layer_config"), List.copyOf(paragraphs)));
        }
        JsonNode pp = doc.path("play_policy");
        PlayPolicy policy = new PlayPolicy(pp.path("repeat_count").asInt(0),
                !pp.has("auto_play_script") || pp.path("auto_play_script").asBoolean(true),
                textOr(pp, "play_mode", "TEXT"), textOr(pp, "random_play_mode", "SCRIPT_ITEM"));
        JsonNode ic = doc.path("interaction_config");
        List<JsonNode> rules = new ArrayList<>();
        array(doc, "interaction_rules").forEach(rules::add);
        JsonNode vc = doc.path("video_config");
        int width = vc.path("width").asInt(0);
        int height = vc.path("height").asInt(0);
        if (width <= 0 || height <= 0) {
            // view_mode decides when no resolution is given: VERTICAL (the default) is 1080x1920.
            boolean landscape = "LANDSCAPE".equals(text(doc, "view_mode"));
            width = landscape ? 1920 : 1080;
            height = landscape ? 1080 : 1920;
        }
        List<String> backups = new ArrayList<>();
        array(doc, "backup_model_asset_ids").forEach(n -> backups.add(n.asText()));
        return new LiveConfig(doc, List.copyOf(scenes), policy, textOr(ic, "play_type", "INSERT"),
                ic.path("ignore_current_sentence").asBoolean(false), List.copyOf(rules), width, height,
                vc.path("bitrate").asInt(4000), first(doc, "output_urls"), first(doc, "stream_keys"), backups);
    }

    /** The push target as platforms take it: the stream key appended to the URL (one address only). */
    String rtmpTarget() {
        return target(outputUrl, streamKey);
    }

    static String target(String url, String key) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (key == null || key.isBlank()) {
            return url;
        }
        return url.endsWith("/") ? url + key : url + "/" + key;
    }

    int paragraphCount() {
        return scenes.stream().mapToInt(s -> s.paragraphs().size()).sum();
    }

    static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode a = node == null ? null : node.get(field);
        return a instanceof ArrayNode arr ? arr : List.of();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String textOr(JsonNode node, String field, String fallback) {
        String v = text(node, field);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static String first(JsonNode doc, String field) {
        for (JsonNode n : array(doc, field)) {
            return n.isNull() ? null : n.asText();
        }
        return null;
    }
}

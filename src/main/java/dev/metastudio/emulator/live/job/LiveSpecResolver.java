package dev.metastudio.emulator.live.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetFileEntity;
import dev.metastudio.emulator.asset.AssetReferences;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.asset.EngineBinding;
import dev.metastudio.emulator.asset.VoiceBindings;
import dev.metastudio.emulator.composition.VoiceParameters;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.avatar.Framing;
import dev.metastudio.emulator.media.render.Background;
import dev.metastudio.emulator.media.render.ClipMode;
import dev.metastudio.emulator.media.render.Layer;
import dev.metastudio.emulator.media.render.LayerBox;
import dev.metastudio.emulator.media.render.LayoutOrientation;
import dev.metastudio.emulator.media.render.RenderSpec;
import dev.metastudio.emulator.media.render.Scene;
import dev.metastudio.emulator.media.render.SpeechSource;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.work.WorkFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a live job's configuration into what the media engine streams: the first scene's backgrounds, layers and
 * presenter (the engine composes one stage per stream; later scenes contribute their paragraphs and voices), and
 * each scene's voice. Asset references are resolved to local files of the object store, as for video jobs.
 */
@Component
class LiveSpecResolver {
    private final AssetReferences references;
    private final ObjectStore store;

    LiveSpecResolver(AssetReferences references, ObjectStore store) {
        this.references = references;
        this.store = store;
    }

    /** A scene's voice: the timbre as the engine speaks it, with its speed, pitch and volume. */
    record SceneVoice(Voice voice, VoiceSettings settings) {
    }

    record Resolved(RenderSpec spec, List<SceneVoice> voices) {
    }

    Resolved resolve(String projectId, LiveConfig config, Path scratch) throws WorkFailure {
        if (config.scenes().isEmpty()) {
            throw new WorkFailure(LiveCodes.WORKER_PREPARE_FAILED, "Task preparation failed: the room has no"
                    + " scene_scripts");
        }
        try {
            List<SceneVoice> voices = new ArrayList<>();
            for (LiveConfig.SceneScript s : config.scenes()) {
                voices.add(voice(projectId, s.voiceConfig()));
            }
            LiveConfig.SceneScript first = config.scenes().get(0);
            boolean landscape = config.width() >= config.height();
            LayoutOrientation layout = landscape ? LayoutOrientation.LANDSCAPE : LayoutOrientation.PORTRAIT;
            EngineBinding.Avatar avatar = avatar(projectId, first.modelAssetId());
            Framing framing = avatar == null ? null : Framing.valueOf(avatar.framing());
            SceneVoice v = voices.get(0);
            // The stage speaks nothing by itself: the runner queues the paragraphs (and inserts) in their voices.
            SpeechSource speech = new SpeechSource.Text("", v.voice(), v.settings());
            Scene scene = new Scene(speech, backgrounds(projectId, first.backgrounds(), scratch),
                    layers(projectId, first.layers(), avatar, framing, scratch));
            RenderSpec spec = new RenderSpec(layout, config.width(), config.height(),
                    dev.metastudio.emulator.media.render.VideoCodec.H264, config.bitrateKbps(), ClipMode.RESIZE, 0, 0,
                    null, null, List.of(scene));
            return new Resolved(spec, voices);
        } catch (ApiException e) {
            throw new WorkFailure(LiveCodes.AVATAR_UNAVAILABLE, "Virtual avatar asset unavailable: " + e.getMessage());
        }
    }

    SceneVoice voiceOf(String projectId, JsonNode vc) {
        return voice(projectId, vc);
    }

    private SceneVoice voice(String projectId, JsonNode vc) {
        if (vc == null || vc.isNull() || LiveConfig.text(vc, "voice_asset_id") == null) {
            return new SceneVoice(null, VoiceSettings.DEFAULT);
        }
        Voice voice = VoiceBindings.voiceOf(references.usable(projectId, LiveConfig.text(vc, "voice_asset_id"),
                "voice_config.voice_asset_id", AssetType.VOICE_MODEL));
        Integer speed = vc.has("speed") ? vc.get("speed").asInt() : null;
        Integer pitch = vc.has("pitch") ? vc.get("pitch").asInt() : null;
        Integer volume = vc.has("volume") ? vc.get("volume").asInt() : null;
        return new SceneVoice(voice, VoiceParameters.settings(speed, pitch, volume));
    }

    private EngineBinding.Avatar avatar(String projectId, String modelAssetId) throws WorkFailure {
        if (modelAssetId == null || modelAssetId.isEmpty()) {
            return null;
        }
        AssetEntity model = references.usable(projectId, modelAssetId, "model_asset_id", AssetType.HUMAN_MODEL_2D);
        return EngineBinding.decode(model.getEngineBinding()).filter(EngineBinding.Avatar.class::isInstance)
                .map(EngineBinding.Avatar.class::cast)
                .orElseThrow(() -> new WorkFailure(LiveCodes.AVATAR_UNAVAILABLE, "Virtual avatar asset unavailable:"
                        + " model " + modelAssetId + " has no renderable avatar"));
    }

    private List<Background> backgrounds(String projectId, JsonNode list, Path scratch) throws WorkFailure {
        List<Background> out = new ArrayList<>();
        for (JsonNode b : list == null || !list.isArray() ? List.<JsonNode>of() : list) {
            if ("COLOR".equals(LiveConfig.text(b, "background_type"))) {
                out.add(new Background.Color(LiveConfig.textOr(b, "background_color_config", "#FFFFFF")));
            } else {
                String assetId = LiveConfig.text(b, "background_asset_id");
                AssetEntity image = assetId != null && !assetId.isEmpty()
                        ? references.usable(projectId, assetId, "background_asset_id", AssetType.IMAGE)
                        : references.byUrlOrId(projectId, LiveConfig.text(b, "background_config"),
                                "background_config", AssetType.IMAGE);
                out.add(new Background.Image(local(image, scratch)));
            }
        }
        return out;
    }

    private List<Layer> layers(String projectId, JsonNode list, EngineBinding.Avatar avatar, Framing framing,
                               Path scratch) throws WorkFailure {
        List<Layer> out = new ArrayList<>();
        boolean human = false;
        for (JsonNode l : list == null || !list.isArray() ? List.<JsonNode>of() : list) {
            LayerBox box = box(l);
            String type = LiveConfig.textOr(l, "layer_type", "");
            switch (type) {
                case "HUMAN" -> {
                    if (avatar != null) {
                        human = true;
                        out.add(new Layer.Human(box, avatar.look(), framing));
                    }
                }
                case "IMAGE" -> out.add(new Layer.Image(box, local(media(projectId, l, AssetType.IMAGE,
                        LiveConfig.text(l.path("image_config"), "image_url")), scratch)));
                case "VIDEO" -> out.add(new Layer.Video(box, local(media(projectId, l, AssetType.VIDEO,
                        LiveConfig.text(l.path("video_config"), "video_url")), scratch),
                        l.path("video_config").path("loop_count").asInt(-1)));
                case "TEXT" -> out.add(textLayer(box, l.path("text_config"), true));
                default -> {
                }
            }
        }
        if (!human && avatar != null) {
            out.add(0, new Layer.Human(new LayerBox(0, 0, 0, 0, 0), avatar.look(), framing));
        }
        return out;
    }

    /** A TEXT layer; a room's text_context is Base64 (TextLayerConfig), a rule's is plain (SmartTextLayerConfig). */
    static Layer.Text textLayer(LayerBox box, JsonNode t, boolean base64) throws WorkFailure {
        String context = LiveConfig.textOr(t, "text_context", "");
        try {
            return new Layer.Text(box, base64 ? Layer.decodeTextContext(context) : context,
                    LiveConfig.text(t, "font_name"), t.path("font_size").asInt(0), LiveConfig.text(t, "font_color"));
        } catch (MediaException e) {
            throw new WorkFailure(LiveCodes.FIELD_ERROR, "Field verification error: " + e.getMessage());
        }
    }

    static LayerBox box(JsonNode l) {
        JsonNode p = l.path("position");
        JsonNode s = l.path("size");
        return new LayerBox(p.path("dx").asInt(0), p.path("dy").asInt(0), s.path("width").asInt(0),
                s.path("height").asInt(0), p.path("layer_index").asInt(100));
    }

    private AssetEntity media(String projectId, JsonNode layer, AssetType type, String url) {
        String assetId = LiveConfig.text(layer, "asset_id");
        return assetId != null && !assetId.isEmpty()
                ? references.usable(projectId, assetId, "layer_config.asset_id", type)
                : references.byUrlOrId(projectId, url, "layer_config", type);
    }

    /** INSERT_PLAY_AUDIO's audio_url: an audio asset usable by the project (asset-library URL or asset id). */
    AssetEntity audioAsset(String projectId, String url) {
        return references.byUrlOrId(projectId, url, "params.audio_url", AssetType.AUDIO, AssetType.MUSIC);
    }

    /** The layer of a SHOW_LAYER command: {@code params.layer_config} (SmartLayerConfig), or params themselves. */
    static JsonNode layerOf(JsonNode params) {
        JsonNode l = params.get("layer_config");
        return l != null && l.isObject() ? l : params;
    }

    /** A SHOW_LAYER IMAGE layer's image: asset_id, else image_config.image_url, usable by the project. */
    AssetEntity layerImage(String projectId, JsonNode layer, String field) {
        String assetId = LiveConfig.text(layer, "asset_id");
        return assetId != null && !assetId.isEmpty()
                ? references.usable(projectId, assetId, field + ".asset_id", AssetType.IMAGE)
                : references.byUrlOrId(projectId, LiveConfig.text(layer.path("image_config"), "image_url"),
                        field + ".image_config.image_url", AssetType.IMAGE);
    }

    Path local(AssetEntity asset, Path scratch) throws WorkFailure {
        AssetFileEntity file = references.mainFile(asset).orElseThrow(() -> new WorkFailure(
                LiveCodes.WORKER_PREPARE_FAILED, "Task preparation failed: asset " + asset.getAssetId()
                + " has no main file"));
        try {
            return store.localFile(file.getObjectKey(), scratch);
        } catch (IOException e) {
            throw new WorkFailure(LiveCodes.WORKER_PREPARE_FAILED, "Task preparation failed: " + e.getMessage(), e);
        }
    }
}

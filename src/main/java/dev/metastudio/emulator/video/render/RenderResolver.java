package dev.metastudio.emulator.video.render;

import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetFileEntity;
import dev.metastudio.emulator.asset.AssetReferences;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.asset.EngineBinding;
import dev.metastudio.emulator.asset.VoiceBindings;
import dev.metastudio.emulator.composition.BackgroundConfigInfo;
import dev.metastudio.emulator.composition.BackgroundMusicConfig;
import dev.metastudio.emulator.composition.Composition;
import dev.metastudio.emulator.composition.LayerConfig;
import dev.metastudio.emulator.composition.ShootScript;
import dev.metastudio.emulator.composition.ShootScriptItem;
import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.composition.VoiceConfig;
import dev.metastudio.emulator.composition.VoiceParameters;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.avatar.Framing;
import dev.metastudio.emulator.media.render.Background;
import dev.metastudio.emulator.media.render.BackgroundMusic;
import dev.metastudio.emulator.media.render.ClipMode;
import dev.metastudio.emulator.media.render.Layer;
import dev.metastudio.emulator.media.render.LayerBox;
import dev.metastudio.emulator.media.render.LayoutOrientation;
import dev.metastudio.emulator.media.render.RenderSpec;
import dev.metastudio.emulator.media.render.Scene;
import dev.metastudio.emulator.media.render.SpeechSource;
import dev.metastudio.emulator.media.render.SubtitleStyle;
import dev.metastudio.emulator.media.render.VideoCodec;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import dev.metastudio.emulator.script.Scripts;
import dev.metastudio.emulator.storage.ObjectInfo;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.video.VideoCodes;
import dev.metastudio.emulator.work.WorkFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns a job's composition into the media engine's fully resolved description: every asset reference becomes a
 * local file (read from the object store), every model and voice asset an engine look or voice. Assets are checked
 * again at render time, since one may have been deleted or deactivated since the job was submitted.
 */
@Component
public class RenderResolver {
    private final AssetReferences references;
    private final ObjectStore store;

    RenderResolver(AssetReferences references, ObjectStore store) {
        this.references = references;
        this.store = store;
    }

    public RenderSpec resolve(String projectId, Composition c, Map<Integer, String> scriptAudioKeys, Path scratch)
            throws WorkFailure {
        try {
            AssetEntity model = references.usable(projectId, c.modelAssetId(), "model_asset_id", AssetType.HUMAN_MODEL_2D);
            EngineBinding binding = EngineBinding.decode(model.getEngineBinding())
                    .filter(b -> b instanceof EngineBinding.Avatar || b instanceof EngineBinding.Footage)
                    .orElseThrow(() -> new WorkFailure(VideoCodes.UNSUPPORTED_ASSET, "Unsupported asset type: model "
                            + model.getAssetId() + " has no renderable avatar"));
            Presenter avatar = binding instanceof EngineBinding.Footage trained
                    ? new Presenter(null, trained, local(model, scratch)) : new Presenter((EngineBinding.Avatar) binding, null, null);
            Framing framing = Framing.valueOf(avatar.framing());
            LayoutOrientation layout = framing == Framing.PORTRAIT ? LayoutOrientation.PORTRAIT : LayoutOrientation.LANDSCAPE;
            VideoConfig v = c.videoConfig();
            Voice voice = null;
            VoiceSettings settings = VoiceParameters.settings(null, null, null);
            if (c.voiceConfig() != null) {
                VoiceConfig vc = c.voiceConfig().withDefaults();
                voice = VoiceBindings.voiceOf(references.usable(projectId, vc.voiceAssetId(), "voice_config.voice_asset_id",
                        AssetType.VOICE_MODEL));
                settings = vc.settings();
            }
            List<Scene> scenes = new ArrayList<>();
            List<ShootScriptItem> items = new ArrayList<>(c.shootScripts());
            items.sort(Comparator.comparing(ShootScriptItem::sequenceNo));
            for (ShootScriptItem item : items) {
                scenes.add(scene(projectId, item, avatar, framing, voice, settings, scriptAudioKeys, scratch));
            }
            boolean crop = v.effectiveClipMode() == VideoConfig.ClipMode.CROP;
            return new RenderSpec(layout, v.width(), v.height(),
                    v.codec() == VideoConfig.Codec.VP8 ? VideoCodec.VP8 : VideoCodec.H264, v.bitrate(),
                    crop ? ClipMode.CROP : ClipMode.RESIZE, crop && v.dx() != null ? v.dx() : 0,
                    crop && v.dy() != null ? v.dy() : 0, subtitles(v), music(projectId, c.backgroundMusicConfig(), scratch),
                    scenes);
        } catch (ApiException e) {
            throw new WorkFailure(VideoCodes.FILE_MISSING, "The file is missing: " + e.getMessage());
        }
    }

    /** The scene's presenter: a built-in look, or a trained model's footage (image-model training, chapter 8). */
    private record Presenter(EngineBinding.Avatar look, EngineBinding.Footage trained, Path footage) {
        String framing() {
            return look != null ? look.framing() : trained.framing();
        }

        Layer layer(LayerBox box, Framing framing) {
            return look != null ? new Layer.Human(box, look.look(), framing)
                    : new Layer.Footage(box, footage, new java.awt.Rectangle(trained.faceX(), trained.faceY(),
                            trained.faceWidth(), trained.faceHeight()), framing);
        }
    }

    private Scene scene(String projectId, ShootScriptItem item, Presenter avatar, Framing framing,
                        Voice voice, VoiceSettings settings, Map<Integer, String> scriptAudioKeys, Path scratch)
            throws WorkFailure {
        ShootScript s = item.shootScript();
        String field = "shoot_scripts[sequence_no=" + item.sequenceNo() + "]";
        SpeechSource speech;
        if (s.effectiveType() == ShootScript.ScriptType.TEXT) {
            speech = new SpeechSource.Text(s.textConfig().text(), voice, settings);
        } else {
            String key = scriptAudioKeys == null ? null : scriptAudioKeys.get(item.sequenceNo());
            speech = new SpeechSource.Audio(key != null ? scriptAudio(key, scratch)
                    : local(references.byUrlOrId(projectId, s.audioDriveFileExternalUrl(),
                            field + ".audio_drive_file_external_url", AssetType.AUDIO, AssetType.MUSIC), scratch));
        }
        List<Background> backgrounds = new ArrayList<>();
        for (BackgroundConfigInfo b : s.backgroundConfig() == null ? List.<BackgroundConfigInfo>of() : s.backgroundConfig()) {
            if (b.backgroundType() == BackgroundConfigInfo.BackgroundType.COLOR) {
                backgrounds.add(new Background.Color(b.backgroundColorConfig()));
            } else {
                AssetEntity image = b.backgroundAssetId() != null && !b.backgroundAssetId().isEmpty()
                        ? references.usable(projectId, b.backgroundAssetId(), field + ".background_asset_id", AssetType.IMAGE)
                        : references.byUrlOrId(projectId, b.backgroundConfig(), field + ".background_config", AssetType.IMAGE);
                backgrounds.add(new Background.Image(local(image, scratch)));
            }
        }
        List<Layer> layers = new ArrayList<>();
        boolean human = false;
        for (LayerConfig layer : s.layerConfig() == null ? List.<LayerConfig>of() : s.layerConfig()) {
            LayerBox box = box(layer);
            switch (layer.layerType()) {
                case HUMAN -> {
                    human = true;
                    layers.add(avatar.layer(box, framing));
                }
                case IMAGE -> layers.add(new Layer.Image(box, local(media(projectId, layer, field, AssetType.IMAGE,
                        layer.imageConfig() == null ? null : layer.imageConfig().imageUrl()), scratch)));
                case VIDEO -> layers.add(new Layer.Video(box, local(media(projectId, layer, field, AssetType.VIDEO,
                        layer.videoConfig() == null ? null : layer.videoConfig().videoUrl()), scratch),
                        layer.videoConfig() == null || layer.videoConfig().loopCount() == null ? -1
                                : layer.videoConfig().loopCount()));
                case TEXT -> {
                    LayerConfig.TextLayer text = layer.textConfig();
                    try {
                        layers.add(new Layer.Text(box, Layer.decodeTextContext(text.textContext()), text.fontName(),
                                text.fontSize() == null ? 0 : text.fontSize(), text.fontColor()));
                    } catch (MediaException e) {
                        throw MediaFailures.of(e);
                    }
                }
            }
        }
        if (!human) {
            // Without a HUMAN layer the presenter fills the layout, under the scene's other layers.
            layers.add(0, avatar.layer(new LayerBox(0, 0, 0, 0, 0), framing));
        }
        return new Scene(speech, backgrounds, layers);
    }

    private AssetEntity media(String projectId, LayerConfig layer, String field, AssetType type, String url) {
        return layer.assetId() != null && !layer.assetId().isEmpty()
                ? references.usable(projectId, layer.assetId(), field + ".layer_config.asset_id", type)
                : references.byUrlOrId(projectId, url, field + ".layer_config", type);
    }

    private static LayerBox box(LayerConfig layer) {
        LayerConfig.Position p = layer.position();
        LayerConfig.Size size = layer.size();
        return new LayerBox(p.dx(), p.dy(), size == null || size.width() == null ? 0 : size.width(),
                size == null || size.height() == null ? 0 : size.height(), p.layerIndex());
    }

    private static SubtitleStyle subtitles(VideoConfig v) {
        if (!v.subtitles()) {
            return null;
        }
        VideoConfig.SubtitleConfig s = v.subtitleConfig();
        return s == null ? SubtitleStyle.defaults() : new SubtitleStyle(s.dx(), s.dy(), s.fontName(), s.fontSize());
    }

    private BackgroundMusic music(String projectId, BackgroundMusicConfig music, Path scratch) throws WorkFailure {
        if (music == null || music.musicAssetId() == null || music.musicAssetId().isEmpty()) {
            return null;
        }
        AssetEntity asset = references.usable(projectId, music.musicAssetId(), "background_music_config.music_asset_id",
                AssetType.MUSIC, AssetType.AUDIO);
        return new BackgroundMusic(local(asset, scratch), music.volume() == null ? 100 : music.volume());
    }

    private Path local(AssetEntity asset, Path scratch) throws WorkFailure {
        AssetFileEntity file = references.mainFile(asset).orElseThrow(() -> new WorkFailure(VideoCodes.FILE_MISSING,
                "The file is missing: asset " + asset.getAssetId() + " has no main file"));
        try {
            return store.localFile(file.getObjectKey(), scratch);
        } catch (IOException e) {
            throw new WorkFailure(VideoCodes.DOWNLOAD_FAILED, "Download failed: " + file.getObjectKey() + ": "
                    + e.getMessage(), e);
        }
    }

    private Path scriptAudio(String key, Path scratch) throws WorkFailure {
        try {
            Optional<ObjectInfo> info = store.stat(key);
            if (info.isEmpty()) {
                throw new WorkFailure(VideoCodes.FILE_MISSING, "The file is missing: no audio was uploaded at " + key);
            }
            if (info.get().size() > Scripts.MAX_AUDIO_BYTES) {
                throw new WorkFailure(VideoCodes.AUDIO_TOO_LARGE, "Total size of audio files too large (" + info.get().size()
                        + " > upper limit " + Scripts.MAX_AUDIO_BYTES + ")");
            }
            return store.localFile(key, scratch);
        } catch (IOException e) {
            throw new WorkFailure(VideoCodes.DOWNLOAD_FAILED, "Download failed: " + key + ": " + e.getMessage(), e);
        }
    }
}

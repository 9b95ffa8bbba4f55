package dev.metastudio.emulator.script;

import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.composition.BackgroundMusicConfig;
import dev.metastudio.emulator.composition.Composition;
import dev.metastudio.emulator.composition.ShootScript;
import dev.metastudio.emulator.composition.ShootScriptItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What other features may ask of video scripts: a script's composition, as a video job renders it. */
@Component
public class Scripts {
    /** An AUDIO scene's uploaded speech may be at most this large (ShootScriptAudioFiles: 100 MB). */
    public static final long MAX_AUDIO_BYTES = ScriptAudio.MAX_BYTES;

    /**
     * A script's composition and, per AUDIO scene's sequence number, the object key of its uploaded speech;
     * {@code threeD} when its model_asset_type is HUMAN_MODEL_3D (a job from it cannot be rendered).
     */
    public record ForJob(String scriptId, Composition composition, Map<Integer, String> audioKeys, boolean threeD) {
        public AssetType modelType() {
            return threeD ? AssetType.HUMAN_MODEL : AssetType.HUMAN_MODEL_2D;
        }
    }

    /** The asset type a script's model must have: HUMAN_MODEL for HUMAN_MODEL_3D (L3761), else HUMAN_MODEL_2D. */
    static AssetType modelType(ScriptContent.ModelAssetType type) {
        return type == ScriptContent.ModelAssetType.HUMAN_MODEL_3D ? AssetType.HUMAN_MODEL : AssetType.HUMAN_MODEL_2D;
    }

    private final ScriptService scripts;
    private final ScriptAudio audio;

    Scripts(ScriptService scripts, ScriptAudio audio) {
        this.scripts = scripts;
        this.audio = audio;
    }

    /**
     * The caller's own script or a system template (404 otherwise); the job's background music, when given,
     * replaces the script's.
     */
    public ForJob forJob(String projectId, String scriptId, BackgroundMusicConfig music) {
        VideoScriptEntity script = scripts.visible(projectId, scriptId);
        ScriptContent content = script.getContent();
        Composition composition = new Composition(content.modelAssetId(), content.voiceConfig(), content.videoConfig(),
                content.shootScripts(), music != null ? music : content.backgroundMusicConfig());
        Map<Integer, String> audioKeys = new HashMap<>();
        for (ShootScriptItem item : content.shootScripts() == null ? List.<ShootScriptItem>of() : content.shootScripts()) {
            String key = ScriptAudio.key(script.getProjectId(), script.getScriptId(), item.sequenceNo());
            if (item.shootScript() != null && item.shootScript().effectiveType() == ShootScript.ScriptType.AUDIO
                    && audio.uploaded(key)) {
                audioKeys.put(item.sequenceNo(), key);
            }
        }
        return new ForJob(script.getScriptId(), composition, audioKeys,
                content.modelAssetType() == ScriptContent.ModelAssetType.HUMAN_MODEL_3D);
    }
}

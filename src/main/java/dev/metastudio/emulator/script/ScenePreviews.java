package dev.metastudio.emulator.script;

import dev.metastudio.emulator.composition.ShootScript;
import dev.metastudio.emulator.composition.ShootScriptItem;
import dev.metastudio.emulator.composition.VoiceConfig;
import dev.metastudio.emulator.tts.TtsService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * preview_info.audio_file_download_url (reference L4465, "Download link of the audio file corresponding to the
 * text"): every TEXT scene of a script with a voice gets a TTS preview job on the work queue when the script is
 * saved; the details answer its download URL once the job has succeeded (absent while it runs). A scene whose text
 * and voice did not change keeps its preview.
 */
@Component
class ScenePreviews {
    /** Per scene's sequence_no: the hash of what is spoken (text and voice) and the TTS job speaking it. */
    record Previews(Map<Integer, Preview> scenes) {
        static Previews none() {
            return new Previews(Map.of());
        }
    }

    record Preview(String spokenSha256, String jobId) {
    }

    private final TtsService tts;

    ScenePreviews(TtsService tts) {
        this.tts = tts;
    }

    void refresh(VideoScriptEntity script) {
        ScriptContent content = script.getContent();
        VoiceConfig voice = content.voiceConfig();
        Map<Integer, Preview> current = script.getPreviews() == null ? Map.of() : script.getPreviews().scenes();
        Map<Integer, Preview> next = new HashMap<>();
        if (voice != null && voice.voiceAssetId() != null && !voice.voiceAssetId().isEmpty()
                && content.shootScripts() != null) {
            for (ShootScriptItem item : content.shootScripts()) {
                ShootScript scene = item.shootScript();
                if (scene == null || scene.effectiveType() != ShootScript.ScriptType.TEXT || scene.textConfig() == null
                        || scene.textConfig().text() == null || scene.textConfig().text().isBlank()) {
                    continue;
                }
                String spoken = sha256(scene.textConfig().text() + "\n" + voice.withDefaults());
                Preview kept = current.get(item.sequenceNo());
                next.put(item.sequenceNo(), kept != null && kept.spokenSha256().equals(spoken) ? kept
                        : new Preview(spoken, tts.submitScenePreview(script.getProjectId(), scene.textConfig().text(),
                                voice)));
            }
        }
        script.setPreviews(new Previews(next));
    }

    /** The scene's preview audio URL, or null while it is being made (or when the scene has none). */
    String url(VideoScriptEntity script, Integer sequenceNo, String baseUrl) {
        Preview preview = script.getPreviews() == null ? null : script.getPreviews().scenes().get(sequenceNo);
        return preview == null ? null
                : tts.scenePreviewUrl(script.getProjectId(), preview.jobId(), baseUrl).orElse(null);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.metastudio.emulator.script;

import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.storage.StorageProperties;
import dev.metastudio.emulator.composition.ShootScript;
import dev.metastudio.emulator.composition.ShootScriptItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The speech of a script's AUDIO scenes: uploaded by the client to a presigned URL per scene (MP3/WAV/M4A, up to
 * 100 MB, reference ShootScriptAudioFiles) and stored under the script.
 */
@Component
public class ScriptAudio {
    public static final long MAX_BYTES = 100L * 1024 * 1024;

    private final ObjectStore store;
    private final StorageProperties storage;

    ScriptAudio(ObjectStore store, StorageProperties storage) {
        this.store = store;
        this.storage = storage;
    }

    public static String key(String projectId, String scriptId, int sequenceNo) {
        return "projects/" + projectId + "/scripts/" + scriptId + "/audio/" + sequenceNo;
    }

    /** Upload URLs for every AUDIO scene, as create and update answer them. */
    ScriptViews.AudioFiles uploadUrls(VideoScriptEntity script, String baseUrl) {
        List<ScriptViews.AudioFile> files = new ArrayList<>();
        for (ShootScriptItem item : audioScenes(script)) {
            String url = store.uploadUrl(key(script.getProjectId(), script.getScriptId(), item.sequenceNo()),
                    storage.uploadUrlValidity(), null, baseUrl);
            files.add(new ScriptViews.AudioFile(item.sequenceNo(), url, null, item.sequenceNo()));
        }
        return new ScriptViews.AudioFiles(files);
    }

    /** Download URLs for the AUDIO scenes whose speech has been uploaded, as the details answer them. */
    ScriptViews.AudioFiles downloadUrls(VideoScriptEntity script, String baseUrl) {
        List<ScriptViews.AudioFile> files = new ArrayList<>();
        for (ShootScriptItem item : audioScenes(script)) {
            String key = key(script.getProjectId(), script.getScriptId(), item.sequenceNo());
            if (uploaded(key)) {
                files.add(new ScriptViews.AudioFile(item.sequenceNo(), null,
                        store.downloadUrl(key, storage.downloadUrlValidity(), null, baseUrl), item.sequenceNo()));
            }
        }
        return new ScriptViews.AudioFiles(files);
    }

    public boolean uploaded(String key) {
        try {
            return store.stat(key).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void copy(VideoScriptEntity from, VideoScriptEntity to, java.nio.file.Path scratch) throws IOException {
        for (ShootScriptItem item : audioScenes(from)) {
            String source = key(from.getProjectId(), from.getScriptId(), item.sequenceNo());
            if (uploaded(source)) {
                java.nio.file.Path local = store.localFile(source, scratch);
                try {
                    store.put(key(to.getProjectId(), to.getScriptId(), item.sequenceNo()), local, null);
                } finally {
                    if (local.startsWith(scratch)) {
                        java.nio.file.Files.deleteIfExists(local);
                    }
                }
            }
        }
    }

    void delete(VideoScriptEntity script) throws IOException {
        for (ShootScriptItem item : audioScenes(script)) {
            store.delete(key(script.getProjectId(), script.getScriptId(), item.sequenceNo()));
        }
    }

    private static List<ShootScriptItem> audioScenes(VideoScriptEntity script) {
        List<ShootScriptItem> scenes = script.getContent().shootScripts();
        return scenes == null ? List.of() : scenes.stream()
                .filter(i -> i.shootScript() != null && i.shootScript().effectiveType() == ShootScript.ScriptType.AUDIO)
                .toList();
    }
}

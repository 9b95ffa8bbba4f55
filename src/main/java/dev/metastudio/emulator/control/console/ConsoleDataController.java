package dev.metastudio.emulator.control.console;

import dev.metastudio.emulator.asset.AssetBrowser;
import dev.metastudio.emulator.asset.AssetViews;
import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.edge.auth.Credential;
import dev.metastudio.emulator.edge.auth.CredentialRegistry;
import dev.metastudio.emulator.edge.auth.ProjectIds;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.tts.TtsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the console shows of a project that the API only gives to a signed caller: its assets with playable and
 * downloadable files, and a TTS job's audio. Read-only; the API stays the way to change anything.
 */
@RestController
@RequestMapping("/_emulator/projects")
@Tag(name = "projects", description = "Read-only views of a project for the console")
class ConsoleDataController {
    static final int DEFAULT_ASSETS = 50;
    static final int MAX_ASSETS = 500;

    private final CredentialRegistry credentials;
    private final AssetBrowser assets;
    private final TtsService tts;
    private final PublicUrl publicUrl;

    ConsoleDataController(CredentialRegistry credentials, AssetBrowser assets, TtsService tts, PublicUrl publicUrl) {
        this.credentials = credentials;
        this.assets = assets;
        this.tts = tts;
        this.publicUrl = publicUrl;
    }

    @GetMapping
    @Operation(summary = "The projects of the configured AK/SK credentials (other project ids can be used too)")
    Map<String, Object> projects() {
        List<String> ids = credentials.all().stream().map(Credential::projectId).distinct().sorted().toList();
        return Map.of("projects", ids.stream().map(id -> Map.of("project_id", id)).toList());
    }

    @GetMapping("/{project_id}/assets")
    @Operation(summary = "The project's own assets, newest first, every state, with fresh file URLs (limit: 1-500)")
    Map<String, Object> assets(@PathVariable("project_id") String projectId,
                               @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        checkProject(projectId);
        int limit = new QueryParams(query).integer("limit", DEFAULT_ASSETS, 1, MAX_ASSETS);
        List<AssetViews.Asset> found = assets.newest(projectId, limit, publicUrl.of(request));
        return Map.of("assets", found);
    }

    @GetMapping("/{project_id}/tts-jobs/{job_id}/files")
    @Operation(summary = "A TTS preview job's audio files, as the API's ShowTtsAuditionFile answers")
    Object ttsFiles(@PathVariable("project_id") String projectId, @PathVariable("job_id") String jobId,
                    HttpServletRequest request) {
        checkProject(projectId);
        return tts.files(projectId, jobId, publicUrl.of(request));
    }

    private static void checkProject(String projectId) {
        if (!ProjectIds.valid(projectId)) {
            throw ApiException.invalid("project_id", ProjectIds.RULE);
        }
    }
}

package dev.metastudio.emulator.script;

import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Video Script Management, reference 5.1. */
@RestController
@RequestMapping("/v1/{project_id}/digital-human-video-scripts")
class ScriptController {
    private final ScriptService scripts;
    private final PublicUrl publicUrl;

    ScriptController(ScriptService scripts, PublicUrl publicUrl) {
        this.scripts = scripts;
        this.publicUrl = publicUrl;
    }

    @PostMapping
    ScriptViews.Saved create(@PathVariable("project_id") String projectId,
                             @RequestBody(required = false) ScriptContent body, HttpServletRequest request) {
        return scripts.create(projectId, body, publicUrl.of(request));
    }

    @GetMapping
    ScriptViews.ScriptList list(@PathVariable("project_id") String projectId,
                                @RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return scripts.list(projectId, new QueryParams(query), publicUrl.of(request));
    }

    @GetMapping("/{script_id}")
    ScriptViews.Detail show(@PathVariable("project_id") String projectId, @PathVariable("script_id") String scriptId,
                            HttpServletRequest request) {
        return scripts.show(projectId, scriptId, publicUrl.of(request));
    }

    @PutMapping("/{script_id}")
    ScriptViews.Saved update(@PathVariable("project_id") String projectId, @PathVariable("script_id") String scriptId,
                             @RequestBody(required = false) ScriptContent body, HttpServletRequest request) {
        return scripts.update(projectId, scriptId, body, publicUrl.of(request));
    }

    @DeleteMapping("/{script_id}")
    ResponseEntity<Void> delete(@PathVariable("project_id") String projectId, @PathVariable("script_id") String scriptId) {
        scripts.delete(projectId, scriptId);
        return ResponseEntity.ok().build();
    }

    /** The reference gives copy no body table; a body, if sent, is ignored. */
    @PostMapping("/{script_id}/copy")
    ScriptViews.Saved copy(@PathVariable("project_id") String projectId, @PathVariable("script_id") String scriptId) {
        return scripts.copy(projectId, scriptId);
    }
}

package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.edge.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** File Management, reference 4.2. */
@RestController
@RequestMapping("/v1/{project_id}")
class FileController {
    private final FileService files;
    private final PublicUrl publicUrl;

    FileController(FileService files, PublicUrl publicUrl) {
        this.files = files;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/files")
    AssetViews.FileCreated create(@PathVariable("project_id") String projectId,
                                  @RequestBody(required = false) FileRequests.Create body, HttpServletRequest request) {
        return files.create(projectId, body, publicUrl.of(request));
    }

    @PostMapping("/large-files")
    AssetViews.LargeFileCreated createLarge(@PathVariable("project_id") String projectId,
                                            @RequestBody(required = false) FileRequests.CreateLarge body,
                                            HttpServletRequest request) {
        return files.createLarge(projectId, body, publicUrl.of(request));
    }

    @PostMapping("/files/{file_id}/complete")
    ResponseEntity<Void> complete(@PathVariable("project_id") String projectId, @PathVariable("file_id") String fileId,
                                  @RequestBody(required = false) FileRequests.Complete body) {
        files.complete(projectId, fileId, body);
        return ResponseEntity.ok().build();
    }

    @DeleteMapping("/files/{file_id}")
    ResponseEntity<Void> delete(@PathVariable("project_id") String projectId, @PathVariable("file_id") String fileId) {
        files.delete(projectId, fileId);
        return ResponseEntity.ok().build();
    }
}

package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.edge.PublicUrl;
import dev.metastudio.emulator.edge.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Digital Asset Management, reference 4.1. */
@RestController
@RequestMapping("/v1/{project_id}")
class AssetController {
    private final AssetService assets;
    private final AssetReplication replication;
    private final PublicUrl publicUrl;
    private final AssetViewCache cache;

    AssetController(AssetService assets, AssetReplication replication, PublicUrl publicUrl, AssetViewCache cache) {
        this.assets = assets;
        this.cache = cache;
        this.replication = replication;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/digital-assets")
    AssetViews.Created create(@PathVariable("project_id") String projectId,
                              @RequestHeader(value = "X-App-UserId", required = false) String appUserId,
                              @RequestBody(required = false) AssetRequests.Create body) {
        return assets.create(projectId, appUserId, body);
    }

    @GetMapping("/digital-assets")
    void list(@PathVariable("project_id") String projectId, @RequestParam MultiValueMap<String, String> query,
              HttpServletRequest request, HttpServletResponse response) throws IOException {
        String baseUrl = publicUrl.of(request);
        cache.list(projectId, request.getQueryString(), baseUrl,
                () -> assets.list(projectId, new QueryParams(query), baseUrl)).writeTo(response);
    }

    @GetMapping("/digital-assets/{asset_id}")
    void show(@PathVariable("project_id") String projectId, @PathVariable("asset_id") String assetId,
              HttpServletRequest request, HttpServletResponse response) throws IOException {
        String baseUrl = publicUrl.of(request);
        cache.show(projectId, assetId, baseUrl, () -> assets.show(projectId, assetId, baseUrl)).writeTo(response);
    }

    @PutMapping("/digital-assets/{asset_id}")
    AssetViews.Asset update(@PathVariable("project_id") String projectId, @PathVariable("asset_id") String assetId,
                            @RequestBody(required = false) AssetRequests.Update body, HttpServletRequest request) {
        return assets.update(projectId, assetId, body, publicUrl.of(request));
    }

    @DeleteMapping("/digital-assets/{asset_id}")
    ResponseEntity<Void> delete(@PathVariable("project_id") String projectId, @PathVariable("asset_id") String assetId,
                                @RequestParam(value = "mode", required = false) String mode) {
        assets.delete(projectId, assetId, mode);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/digital-assets/{asset_id}/restore")
    ResponseEntity<Void> restore(@PathVariable("project_id") String projectId, @PathVariable("asset_id") String assetId) {
        assets.restore(projectId, assetId);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/digital-assets/batch-action")
    AssetViews.BatchResults batch(@PathVariable("project_id") String projectId,
                                  @RequestBody(required = false) AssetRequests.BatchAction body) {
        return assets.batch(projectId, body);
    }

    /** The reference says {@code summaries}; the official SDK calls {@code summarys}. Both answer. */
    @PostMapping({"/digital-assets/summaries", "/digital-assets/summarys"})
    AssetViews.SummaryList summaries(@PathVariable("project_id") String projectId,
                                     @RequestBody(required = false) AssetRequests.Summaries body,
                                     HttpServletRequest request) {
        return assets.summaries(projectId, body, publicUrl.of(request));
    }

    @GetMapping("/digital-assets/{asset_id}/replication-info")
    AssetRequests.Replication replicationInfo(@PathVariable("project_id") String projectId,
                                              @PathVariable("asset_id") String assetId) {
        return replication.info(projectId, assetId);
    }

    @PostMapping("/digital-assets-by-replication-info")
    ResponseEntity<Void> copy(@PathVariable("project_id") String projectId,
                              @RequestHeader(value = "X-App-UserId", required = false) String appUserId,
                              @RequestBody(required = false) AssetRequests.Replication body) {
        replication.copy(projectId, AssetValidation.appUserId(appUserId), body);
        return ResponseEntity.ok().build();
    }
}

package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ErrorCodes;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which assets a project can see (its own, the system library, assets shared with it) and which it may change
 * (only its own). Permanently deleted assets are listed and shown as DELETED records, never used.
 */
@Component
public class AssetLookup {
    private final AssetRepository assets;

    AssetLookup(AssetRepository assets) {
        this.assets = assets;
    }

    public Optional<AssetEntity> findVisible(String projectId, String assetId) {
        Optional<AssetEntity> found = assets.findByProjectIdAndAssetId(projectId, assetId)
                .or(() -> assets.findByProjectIdAndAssetId(AssetEntity.SYSTEM_PROJECT, assetId))
                .or(() -> assets.findFirstByAssetIdAndSharedWithContains(assetId, projectId));
        return found.filter(asset -> asset.getAssetState() != AssetState.DELETED);
    }

    public AssetEntity visible(String projectId, String assetId) {
        return findVisible(projectId, assetId).orElseThrow(() -> ApiException.notFound("asset", assetId));
    }

    /**
     * What GET /digital-assets/{id} shows: a visible asset, or the caller's own force-deleted record (state DELETED,
     * no files), since the listing returns those too (L1140) and a listed id must be showable. Nothing may use it.
     */
    public AssetEntity shown(String projectId, String assetId) {
        return findShown(projectId, assetId).orElseThrow(() -> ApiException.notFound("asset", assetId));
    }

    /** {@link #shown(String, String)} for the summaries, which skip what is not there. */
    public Optional<AssetEntity> findShown(String projectId, String assetId) {
        return findVisible(projectId, assetId).or(() -> assets.findByProjectIdAndAssetId(projectId, assetId));
    }

    /** The caller's own asset, including a permanently deleted one (for precise errors on restore). */
    public AssetEntity ownedIncludingDeleted(String projectId, String assetId) {
        Optional<AssetEntity> own = assets.findByProjectIdAndAssetId(projectId, assetId);
        if (own.isPresent()) {
            return own.get();
        }
        if (findVisible(projectId, assetId).isPresent()) {
            throw new ApiException(401, ErrorCodes.READ_ONLY, "Insufficient permissions: asset " + assetId
                    + " belongs to the system library or another project and is read-only");
        }
        throw ApiException.notFound("asset", assetId);
    }

    public AssetEntity owned(String projectId, String assetId) {
        AssetEntity asset = ownedIncludingDeleted(projectId, assetId);
        if (asset.getAssetState() == AssetState.DELETED) {
            throw ApiException.notFound("asset", assetId);
        }
        return asset;
    }
}

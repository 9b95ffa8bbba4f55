package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.storage.ObjectStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How other features (scripts, video jobs, TTS) refer to assets: by id, or by an asset-library URL of this service.
 * Only usable assets qualify: visible to the project, ACTIVED, and of the expected type.
 */
@Component
public class AssetReferences {
    private final AssetLookup lookup;
    private final AssetRepository assets;
    private final AssetFileRepository files;
    private final ObjectStore store;

    AssetReferences(AssetLookup lookup, AssetRepository assets, AssetFileRepository files, ObjectStore store) {
        this.lookup = lookup;
        this.assets = assets;
        this.files = files;
        this.store = store;
    }

    /** The asset, or a 400 naming {@code field} that says what is wrong with it. */
    public AssetEntity usable(String projectId, String assetId, String field, AssetType... types) {
        AssetEntity asset = lookup.findVisible(projectId, assetId)
                .orElseThrow(() -> new ApiException(400, ErrorCodes.INVALID_ASSET_ID, "Invalid asset ID: " + field
                        + " asset " + assetId + " does not exist"));
        check(asset, field, AssetReferences::unavailable, AssetReferences::wrongType, types);
        return asset;
    }

    /** L16656 MSS.10001010 "Asset unavailable. Use an asset in the ACTIVED status." */
    private static ApiException unavailable(String field, String problem) {
        return new ApiException(400, AssetCodes.ASSET_UNAVAILABLE, "Asset unavailable: " + field + " " + problem);
    }

    /** L16874 MSS.20010155 "Use a correct {ASSET_TYPE} asset." for a reference to an asset of another type. */
    private static ApiException wrongType(String field, String problem) {
        return new ApiException(400, ErrorCodes.WRONG_ASSET_TYPE, "Use a correct asset: " + field + " " + problem);
    }

    /** Like {@link #usable(String, String, String, AssetType...)} with the caller's own error for a bad reference. */
    public AssetEntity usable(String projectId, String assetId, String field, Refusal refusal, AssetType... types) {
        AssetEntity asset = lookup.findVisible(projectId, assetId)
                .orElseThrow(() -> refusal.refuse(field, "asset " + assetId + " does not exist"));
        check(asset, field, refusal, refusal, types);
        return asset;
    }

    /**
     * The asset behind a URL a caller passed: an asset-library URL of this service (presigned or not), or, as the
     * reference's own examples do, a bare asset id. External URLs are refused, as the reference allows them only
     * for livestreaming.
     */
    public AssetEntity byUrlOrId(String projectId, String url, String field, AssetType... types) {
        Optional<String> key = store.keyOf(url);
        if (key.isEmpty()) {
            if (lookup.findVisible(projectId, url).isPresent()) {
                return usable(projectId, url, field, types);
            }
            throw new ApiException(400, ErrorCodes.INVALID_URL, "Invalid URL: " + field + " must be an asset-library"
                    + " URL of this service or an asset id; external URLs are only accepted for livestreaming, got '"
                    + url + "'");
        }
        AssetFileEntity file = files.findFirstByObjectKey(key.get())
                .orElseThrow(() -> new ApiException(400, ErrorCodes.INVALID_URL, "Invalid URL: " + field
                        + " names no stored asset file: '" + url + "'"));
        AssetEntity asset = assets.findById(file.getAssetRow()).orElseThrow();
        return usable(projectId, asset.getAssetId(), field, types);
    }

    /** The stored main file of a usable asset. */
    public Optional<AssetFileEntity> mainFile(AssetEntity asset) {
        return files.findByAssetRowOrderByCreateTime(asset.getId()).stream()
                .filter(f -> f.getAssetFileCategory() == FileCategory.MAIN && f.getState() == FileState.CREATED)
                .findFirst();
    }

    private static void check(AssetEntity asset, String field, Refusal refusal, Refusal typeRefusal,
                              AssetType... types) {
        List<AssetType> expected = Arrays.asList(types);
        if (!expected.isEmpty() && !expected.contains(asset.getAssetType())) {
            throw typeRefusal.refuse(field, "asset " + asset.getAssetId() + " is a " + asset.getAssetType() + ", expected "
                    + (expected.size() == 1 ? expected.get(0) : "one of " + expected));
        }
        if (asset.getAssetState() != AssetState.ACTIVED) {
            throw refusal.refuse(field, "asset " + asset.getAssetId() + " is " + asset.getAssetState()
                    + "; only ACTIVED assets can be used");
        }
    }

    /** Builds the refusal for a bad reference: by default 400 MSS.00000003 naming the field. */
    @FunctionalInterface
    public interface Refusal {
        ApiException refuse(String field, String problem);
    }
}

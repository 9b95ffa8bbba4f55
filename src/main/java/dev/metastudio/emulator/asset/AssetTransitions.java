package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.edge.ApiException;
import java.time.Instant;

/**
 * The state changes a tenant may make (reference 4.1.3, 4.1.4, 4.1.6): activate and deactivate usable assets,
 * move to and restore from the recycle bin, delete permanently. Everything else changes state on its own.
 */
final class AssetTransitions {

    private AssetTransitions() {
    }

    static void setUsable(AssetEntity asset, AssetState target, Instant now) {
        if (target != AssetState.ACTIVED && target != AssetState.UNACTIVED) {
            throw new ApiException(400, AssetCodes.INVALID_CHANGE, "Invalid asset status change: tenants may only set asset_state"
                    + " to ACTIVED or UNACTIVED, not " + target);
        }
        if (!asset.getAssetState().inUse()) {
            throw new ApiException(400, AssetCodes.INVALID_CHANGE, "Invalid asset status change: asset " + asset.getAssetId()
                    + " is " + asset.getAssetState() + "; only ACTIVED and UNACTIVED assets can be (de)activated");
        }
        asset.setAssetState(target);
        asset.setUpdateTime(now);
    }

    static void toRecycleBin(AssetEntity asset, Instant now) {
        if (asset.getAssetState() == AssetState.DELETING) {
            return;
        }
        asset.setStateBeforeDelete(asset.getAssetState());
        asset.setAssetState(AssetState.DELETING);
        asset.setUpdateTime(now);
    }

    static void restore(AssetEntity asset, Instant now) {
        if (asset.getAssetState() == AssetState.DELETED) {
            throw new ApiException(400, AssetCodes.INVALID_CHANGE, "Invalid asset status change: asset " + asset.getAssetId()
                    + " was permanently deleted (mode=force) and cannot be restored");
        }
        if (asset.getAssetState() != AssetState.DELETING) {
            throw new ApiException(400, AssetCodes.INVALID_CHANGE, "Invalid asset status change: asset " + asset.getAssetId()
                    + " is " + asset.getAssetState() + ", not in the recycle bin (DELETING)");
        }
        AssetState previous = asset.getStateBeforeDelete();
        asset.setAssetState(previous == null ? AssetState.UNACTIVED : previous);
        asset.setStateBeforeDelete(null);
        asset.setUpdateTime(now);
    }

    static void deletePermanently(AssetEntity asset, Instant now) {
        asset.setAssetState(AssetState.DELETED);
        asset.setStateBeforeDelete(null);
        asset.setUpdateTime(now);
    }
}

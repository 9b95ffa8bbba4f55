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

    /**
     * The update API's asset_state (L1581 lists UNACTIVED, ACTIVED and WAITING_DELETE). A wrong target is
     * MSS.10001014 (L16661), a source state that may not change is MSS.10001013 (L16660). Decision: L16661 says only
     * ACTIVED or UNACTIVED, L1581 offers WAITING_DELETE too; both are honoured by accepting WAITING_DELETE, and an
     * asset marked WAITING_DELETE may be set back (it is the tenant's own mark, nothing took it offline).
     */
    static void setUsable(AssetEntity asset, AssetState target, Instant now) {
        if (target != AssetState.ACTIVED && target != AssetState.UNACTIVED && target != AssetState.WAITING_DELETE) {
            throw new ApiException(400, AssetCodes.INCORRECT_TARGET, "Incorrect asset status update: asset_state can"
                    + " only be changed to ACTIVED, UNACTIVED or WAITING_DELETE, not " + target);
        }
        if (!asset.getAssetState().inUse() && asset.getAssetState() != AssetState.WAITING_DELETE) {
            throw new ApiException(400, AssetCodes.INVALID_CHANGE, "Invalid asset status change: asset " + asset.getAssetId()
                    + " is " + asset.getAssetState() + "; only ACTIVED and UNACTIVED assets can be updated");
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

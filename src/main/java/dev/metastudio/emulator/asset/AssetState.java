package dev.metastudio.emulator.asset;

/** asset_state, as the reference defines it (Table 4-34). */
public enum AssetState {
    /** No main file uploaded yet. */
    CREATING,
    FAILED,
    UNACTIVED,
    ACTIVED,
    /** In the recycle bin: unavailable but restorable. */
    DELETING,
    /** Permanently deleted; cannot be restored or viewed. */
    DELETED,
    BLOCK,
    WAITING_DELETE;

    public boolean inUse() {
        return this == ACTIVED || this == UNACTIVED;
    }
}

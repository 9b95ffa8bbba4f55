package dev.metastudio.emulator.asset;

import java.util.List;

/** shared_config: who else may use the asset (used for live-template sharing in the reference). */
public record AssetSharedConfig(SharedType sharedType, String expireTime, List<String> allowedProjectIds) {
    public enum SharedType { PRIVATE, PUBLIC, SHARED }
}

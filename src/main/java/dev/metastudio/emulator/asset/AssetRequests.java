package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import java.util.List;

/** Request bodies of the digital-asset APIs (reference 4.1), snake_case on the wire. */
public final class AssetRequests {
    private AssetRequests() {
    }

    public record Create(String assetName, String assetDescription, AssetType assetType, ReviewConfig reviewConfig,
                         List<String> tags, AssetExtraMeta assetExtraMeta, List<SystemProperty> systemProperties,
                         AssetSharedConfig sharedConfig, Boolean isNeedGenerateCover, Integer assetOrder,
                         List<SupportedService> supportedService) {
    }

    /** Every field optional: a partial update. */
    public record Update(String assetName, String assetDescription, AssetType assetType, AssetState assetState,
                         ReviewConfig reviewConfig, List<String> tags, AssetExtraMeta assetExtraMeta,
                         List<SystemProperty> systemProperties, AssetSharedConfig sharedConfig, Integer assetOrder,
                         List<SupportedService> supportedService) {
    }

    public record BatchAction(Action action, List<String> assetIds, String params) {
        public enum Action { DELETE, DELETE_FORCE, RESTORE, UNACTIVE, ACTIVE, SHARE, UNSHARE }
    }

    public record Summaries(List<String> assetIds) {
    }

    public record EncryptionInfo(String algorithm, String keyId, String iv) {
    }

    /** The replication info of reference 4.1.9, sent back as the body of 4.1.10. */
    public record Replication(String assetId, String assetInfo, EncryptionInfo encryptionInfo, Long expireTime) {
    }
}

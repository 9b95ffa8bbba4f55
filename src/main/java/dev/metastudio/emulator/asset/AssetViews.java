package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.edge.ErrorEnvelope;
import java.util.List;

/** Response bodies of the digital-asset and file APIs (DigitalAssetInfo, AssetFileInfo, ...). */
public final class AssetViews {
    private AssetViews() {
    }

    public record Asset(String projectId, String assetId, String assetName, String assetDescription, String appUserId,
                        String createTime, String updateTime, AssetType assetType, AssetState assetState,
                        String failType, String reason, List<String> tags, AssetExtraMeta assetExtraMeta,
                        List<SystemProperty> systemProperties, List<File> files, Integer assetOrder,
                        List<String> supportedService) {
    }

    public record FileExtraMeta(String videoTranscodingStatus) {
    }

    public record File(String fileId, String fileName, String fileMd5, Long fileSize, String fileType,
                       FileCategory assetFileCategory, String downloadUrl, FileState state, String reason,
                       FileExtraMeta fileExtraMeta) {
    }

    public record AssetList(int count, List<Asset> assets) {
    }

    public record Created(String assetId) {
    }

    public record Summary(String assetId, String assetName, AssetState assetState, AssetType assetType,
                          String coverUrl, String thumbnailUrl) {
    }

    public record SummaryList(List<Summary> assetList) {
    }

    public record ActionResult(RetStatus retStatus, List<String> assetIds, ErrorEnvelope errorInfo) {
        public enum RetStatus { SUCCESS, FAILED }
    }

    public record BatchResults(List<ActionResult> results) {
    }

    public record FileCreated(String fileId, String uploadUrl) {
    }

    public record LargeFileCreated(String fileId, List<String> uploadUrls) {
    }
}

package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.QueryParams;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The digital-asset APIs of reference 4.1 (files are {@link FileService}'s). */
@Service
public class AssetService {
    private final AssetRepository assets;
    private final AssetLookup lookup;
    private final AssetSearch search;
    private final AssetMapper mapper;
    private final AssetPurger purger;
    private final Clock clock;
    private final int maxIdsPerCall;

    AssetService(AssetRepository assets, AssetLookup lookup, AssetSearch search, AssetMapper mapper,
                 AssetPurger purger, Clock clock, EmulatorProperties properties) {
        this.maxIdsPerCall = properties.limits().maxIdsPerCall();
        this.assets = assets;
        this.lookup = lookup;
        this.search = search;
        this.mapper = mapper;
        this.purger = purger;
        this.clock = clock;
    }

    @Transactional
    public AssetViews.Created create(String projectId, String appUserIdHeader, AssetRequests.Create body) {
        AssetValidation.create(body);
        String appUserId = AssetValidation.appUserId(appUserIdHeader);
        Instant now = clock.instant();
        AssetEntity asset = new AssetEntity();
        asset.setId(UUID.randomUUID().toString());
        asset.setAssetId(UUID.randomUUID().toString());
        asset.setProjectId(projectId);
        asset.setAssetSource("CUSTOMIZATION");
        asset.setAssetName(body.assetName());
        asset.setAssetDescription(body.assetDescription());
        asset.setAssetType(body.assetType());
        asset.setAssetState(AssetState.CREATING);
        asset.setAppUserId(appUserId);
        asset.setAssetOrder(body.assetOrder());
        asset.setReviewConfig(body.reviewConfig());
        // L801: "This parameter is used only for video assets", default false; other types keep null.
        asset.setGenerateCover(body.assetType() == AssetType.VIDEO ? Boolean.TRUE.equals(body.isNeedGenerateCover()) : null);
        asset.setCreateTime(now);
        asset.setUpdateTime(now);
        if (body.tags() != null) {
            asset.setTags(body.tags());
        }
        if (body.systemProperties() != null) {
            asset.setSystemProperties(mergeProperties(List.of(), body.systemProperties()));
        }
        if (body.supportedService() != null) {
            asset.setSupportedServices(body.supportedService().stream().map(Enum::name).toList());
        }
        asset.applyExtraMeta(body.assetExtraMeta() == null ? null
                : body.assetExtraMeta().keepingOnly(body.assetType().name()));
        applySharing(asset, body.sharedConfig());
        assets.save(asset);
        return new AssetViews.Created(asset.getAssetId());
    }

    @Transactional(readOnly = true)
    public AssetViews.AssetList list(String projectId, QueryParams query, String baseUrl) {
        AssetSearch.Page page = search.search(projectId, query);
        return new AssetViews.AssetList((int) page.count(), mapper.views(page.assets(), baseUrl));
    }

    @Transactional(readOnly = true)
    public AssetViews.Asset show(String projectId, String assetId, String baseUrl) {
        return mapper.view(lookup.shown(projectId, assetId), baseUrl);
    }

    @Transactional
    public AssetViews.Asset update(String projectId, String assetId, AssetRequests.Update body, String baseUrl) {
        AssetValidation.update(body);
        AssetEntity asset = lookup.owned(projectId, assetId);
        if (asset.getAssetState() == AssetState.DELETING) {
            throw new ApiException(400, AssetCodes.ASSET_UNAVAILABLE, "Asset unavailable: asset " + assetId
                    + " is in the recycle bin; restore it first");
        }
        if (body.assetType() != null && body.assetType() != asset.getAssetType()) {
            throw ApiException.invalid("asset_type", "cannot change from " + asset.getAssetType() + " to " + body.assetType());
        }
        Instant now = clock.instant();
        if (body.assetName() != null) {
            asset.setAssetName(body.assetName());
        }
        if (body.assetDescription() != null) {
            asset.setAssetDescription(body.assetDescription());
        }
        if (body.tags() != null) {
            asset.setTags(body.tags());
        }
        if (body.systemProperties() != null) {
            asset.setSystemProperties(mergeProperties(asset.getSystemProperties(), body.systemProperties()));
        }
        if (body.supportedService() != null) {
            asset.setSupportedServices(body.supportedService().stream().map(Enum::name).toList());
        }
        if (body.assetOrder() != null) {
            asset.setAssetOrder(body.assetOrder());
        }
        if (body.reviewConfig() != null) {
            asset.setReviewConfig(body.reviewConfig());
        }
        if (body.assetExtraMeta() != null) {
            AssetExtraMeta current = asset.getExtraMeta() == null ? AssetExtraMeta.empty() : asset.getExtraMeta();
            asset.applyExtraMeta(current.updatedBy(body.assetExtraMeta().keepingOnly(asset.getAssetType().name())));
        }
        if (body.sharedConfig() != null) {
            applySharing(asset, body.sharedConfig());
        }
        if (body.assetState() != null && body.assetState() != asset.getAssetState()) {
            AssetTransitions.setUsable(asset, body.assetState(), now);
        }
        asset.setUpdateTime(now);
        return mapper.view(asset, baseUrl);
    }

    /** Without mode the asset goes to the recycle bin; {@code mode=force} deletes it and its files for good. */
    @Transactional
    public void delete(String projectId, String assetId, String mode) {
        if (mode != null && !mode.isEmpty() && !"force".equals(mode)) {
            throw ApiException.invalid("mode", "must be force (or absent for the recycle bin), got '" + mode + "'");
        }
        AssetEntity asset = lookup.owned(projectId, assetId);
        if ("force".equals(mode)) {
            AssetTransitions.deletePermanently(asset, clock.instant());
            purger.purgeFilesAfterCommit(asset);
        } else {
            AssetTransitions.toRecycleBin(asset, clock.instant());
        }
    }

    @Transactional
    public void restore(String projectId, String assetId) {
        AssetTransitions.restore(lookup.ownedIncludingDeleted(projectId, assetId), clock.instant());
    }

    /** Each asset on its own; results grouped by outcome and error, as the reference's example shows. */
    @Transactional
    public AssetViews.BatchResults batch(String projectId, AssetRequests.BatchAction body) {
        if (body == null || body.action() == null) {
            throw ApiException.invalid("action", "is required");
        }
        if (body.assetIds() == null || body.assetIds().isEmpty()) {
            throw ApiException.invalid("asset_ids", "is required and must not be empty");
        }
        checkIdCount(body.assetIds());
        List<String> shareTargets = body.action() == AssetRequests.BatchAction.Action.SHARE
                || body.action() == AssetRequests.BatchAction.Action.UNSHARE ? targets(body.params()) : List.of();
        List<String> succeeded = new ArrayList<>();
        Map<String, List<String>> failedByError = new LinkedHashMap<>();
        Map<String, ApiException> errors = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (String assetId : new java.util.LinkedHashSet<>(body.assetIds())) {
            try {
                apply(projectId, assetId, body.action(), shareTargets, now);
                succeeded.add(assetId);
            } catch (ApiException e) {
                String key = e.code() + " " + e.getMessage().replace(assetId, "{id}");
                failedByError.computeIfAbsent(key, k -> new ArrayList<>()).add(assetId);
                errors.putIfAbsent(key, e);
            }
        }
        List<AssetViews.ActionResult> results = new ArrayList<>();
        if (!succeeded.isEmpty()) {
            results.add(new AssetViews.ActionResult(AssetViews.ActionResult.RetStatus.SUCCESS, succeeded, null));
        }
        failedByError.forEach((key, ids) -> {
            ApiException e = errors.get(key);
            results.add(new AssetViews.ActionResult(AssetViews.ActionResult.RetStatus.FAILED, ids,
                    dev.metastudio.emulator.edge.ErrorEnvelope.of(e.code(), e.getMessage())));
        });
        return new AssetViews.BatchResults(results);
    }

    private void apply(String projectId, String assetId, AssetRequests.BatchAction.Action action,
                       List<String> shareTargets, Instant now) {
        switch (action) {
            case DELETE -> AssetTransitions.toRecycleBin(lookup.owned(projectId, assetId), now);
            case DELETE_FORCE -> {
                AssetEntity asset = lookup.owned(projectId, assetId);
                AssetTransitions.deletePermanently(asset, now);
                purger.purgeFilesAfterCommit(asset);
            }
            case RESTORE -> AssetTransitions.restore(lookup.ownedIncludingDeleted(projectId, assetId), now);
            case ACTIVE -> AssetTransitions.setUsable(lookup.owned(projectId, assetId), AssetState.ACTIVED, now);
            case UNACTIVE -> AssetTransitions.setUsable(lookup.owned(projectId, assetId), AssetState.UNACTIVED, now);
            case SHARE -> share(lookup.owned(projectId, assetId), shareTargets, true, now);
            case UNSHARE -> share(lookup.owned(projectId, assetId), shareTargets, false, now);
        }
    }

    @Transactional(readOnly = true)
    public AssetViews.SummaryList summaries(String projectId, AssetRequests.Summaries body, String baseUrl) {
        if (body == null || body.assetIds() == null || body.assetIds().isEmpty()) {
            throw ApiException.invalid("asset_ids", "is required and must not be empty");
        }
        checkIdCount(body.assetIds());
        List<AssetViews.Summary> summaries = new ArrayList<>();
        for (String assetId : body.assetIds()) {
            // As the details and the listing (L1140): a force-deleted asset is summarised as DELETED, without a cover.
            lookup.findShown(projectId, assetId).ifPresent(asset -> {
                String cover = mapper.coverUrl(asset, baseUrl);
                summaries.add(new AssetViews.Summary(asset.getAssetId(), asset.getAssetName(), asset.getAssetState(),
                        asset.getAssetType(), cover, cover));
            });
        }
        return new AssetViews.SummaryList(summaries);
    }

    /**
     * The reference sets no maximum of asset_ids per call; the emulator's own (METASTUDIO_LIMITS_MAX_IDS_PER_CALL,
     * default 1000) is an invalid asset_ids that says it is this emulator's limit.
     */
    private void checkIdCount(List<String> ids) {
        if (ids.size() > maxIdsPerCall) {
            throw ApiException.invalid("asset_ids", "holds " + ids.size() + " ids; this emulator takes at most "
                    + maxIdsPerCall + " per call (METASTUDIO_LIMITS_MAX_IDS_PER_CALL; the reference sets no limit)");
        }
    }

    /** ADD puts (or replaces) a key; DELETE removes it. */
    private static List<AssetEntity.PropertyValue> mergeProperties(List<AssetEntity.PropertyValue> current,
                                                                   List<SystemProperty> changes) {
        Map<String, String> merged = new LinkedHashMap<>();
        current.forEach(p -> merged.put(p.key(), p.value()));
        for (SystemProperty change : changes) {
            if (change.action() == SystemProperty.Action.DELETE) {
                merged.remove(change.key().name());
            } else {
                merged.put(change.key().name(), change.value());
            }
        }
        List<AssetEntity.PropertyValue> values = new ArrayList<>();
        merged.forEach((k, v) -> values.add(new AssetEntity.PropertyValue(k, v)));
        if (values.size() > 50) {
            throw ApiException.invalid("system_properties", "may hold at most 50 properties per asset");
        }
        return values;
    }

    private static void applySharing(AssetEntity asset, AssetSharedConfig shared) {
        asset.setSharedConfig(shared);
        if (shared != null) {
            boolean sharedType = shared.sharedType() == AssetSharedConfig.SharedType.SHARED;
            asset.setSharedWith(sharedType && shared.allowedProjectIds() != null ? shared.allowedProjectIds() : List.of());
        }
    }

    private static void share(AssetEntity asset, List<String> projects, boolean add, Instant now) {
        List<String> current = new ArrayList<>(asset.getSharedWith());
        if (add) {
            projects.stream().filter(p -> !current.contains(p)).forEach(current::add);
        } else {
            current.removeAll(projects);
        }
        asset.setSharedWith(current);
        asset.setSharedConfig(new AssetSharedConfig(current.isEmpty() ? AssetSharedConfig.SharedType.PRIVATE
                : AssetSharedConfig.SharedType.SHARED, null, List.copyOf(current)));
        asset.setUpdateTime(now);
    }

    /** SHARE/UNSHARE take the target project ids in params, comma-separated; as in shared_config, 1-64 each. */
    private static List<String> targets(String params) {
        if (params == null || params.isBlank()) {
            throw ApiException.invalid("params", "must list the project ids to share with (comma-separated)");
        }
        List<String> projects = java.util.Arrays.stream(params.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList();
        Check.size(projects, AssetValidation.MAX_SHARED_PROJECTS, "params");
        return Check.eachLength(projects, 1, AssetValidation.MAX_PROJECT_ID, "params");
    }
}

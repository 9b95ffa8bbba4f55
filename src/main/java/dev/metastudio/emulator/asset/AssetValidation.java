package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.asset.meta.HumanModel2dMeta;
import dev.metastudio.emulator.asset.meta.VoiceModelMeta;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.AppUserIds;
import dev.metastudio.emulator.edge.Check;
import java.util.List;
import java.util.Set;

/** The documented limits of the asset bodies (reference Tables 4-3 and 4-61), each failure naming its field. */
final class AssetValidation {
    private static final Set<String> MODEL_RESOLUTIONS = Set.of("1080P", "4K");
    static final int MAX_SHARED_PROJECTS = 100;
    static final int MAX_PROJECT_ID = 64;

    private AssetValidation() {
    }

    static void create(AssetRequests.Create body) {
        Check.required(body, "request body");
        Check.length(Check.required(body.assetName(), "asset_name"), 0, 256, "asset_name");
        Check.length(body.assetDescription(), 0, 4096, "asset_description");
        AssetType type = Check.required(body.assetType(), "asset_type");
        if (type == AssetType.VOICE_MODEL || type == AssetType.HUMAN_MODEL_2D) {
            throw ApiException.invalid("asset_type", type + " is not available for common users: such assets come"
                    + " from voice or model training");
        }
        common(body.tags(), body.systemProperties(), body.assetOrder(), body.assetExtraMeta(), body.sharedConfig());
        List<SystemProperty> properties = body.systemProperties();
        if (properties != null) {
            for (int i = 0; i < properties.size(); i++) {
                if (properties.get(i).action() == SystemProperty.Action.DELETE) {
                    throw ApiException.invalid("system_properties[" + i + "].action",
                            "DELETE only applies when updating an asset");
                }
            }
        }
    }

    static void update(AssetRequests.Update body) {
        Check.required(body, "request body");
        Check.length(body.assetName(), 0, 256, "asset_name");
        Check.length(body.assetDescription(), 0, 4096, "asset_description");
        common(body.tags(), body.systemProperties(), body.assetOrder(), body.assetExtraMeta(), body.sharedConfig());
    }

    static String appUserId(String header) {
        return AppUserIds.check(header);
    }

    private static void common(List<String> tags, List<SystemProperty> properties, Integer order, AssetExtraMeta meta,
                               AssetSharedConfig shared) {
        Check.eachLength(Check.size(tags, 50, "tags"), 0, 128, "tags");
        Check.size(properties, 50, "system_properties");
        if (properties != null) {
            for (int i = 0; i < properties.size(); i++) {
                SystemProperty property = properties.get(i);
                String field = "system_properties[" + i + "]";
                Check.required(property, field);
                Check.required(property.key(), field + ".key");
                if (property.action() != SystemProperty.Action.DELETE) {
                    Check.length(Check.required(property.value(), field + ".value"), 1, 1024, field + ".value");
                }
            }
        }
        Check.range(order, 0, 32767, "asset_order");
        if (shared != null) {
            // L1029: "PUBLIC: accessible to all tenants. Currently, only system assets are accessible to all tenants."
            if (shared.sharedType() == AssetSharedConfig.SharedType.PUBLIC) {
                throw ApiException.invalid("shared_config.shared_type", "PUBLIC is for system assets only; share a"
                        + " tenant asset as SHARED with allowed_project_ids, or keep it PRIVATE");
            }
            Check.eachLength(Check.size(shared.allowedProjectIds(), MAX_SHARED_PROJECTS,
                    "shared_config.allowed_project_ids"), 1, MAX_PROJECT_ID, "shared_config.allowed_project_ids");
        }
        if (meta != null) {
            voiceMeta(meta.voiceModelMeta());
            humanModel2dMeta(meta.humanModel2dMeta());
        }
    }

    private static void voiceMeta(VoiceModelMeta voice) {
        if (voice == null) {
            return;
        }
        String prefix = "asset_extra_meta.voice_model_meta.";
        Check.range(voice.order(), 0, 32767, prefix + "order");
        Check.range(voice.speedRatio(), 0, 100, prefix + "speed_ratio");
        Check.range(voice.volumeRatio(), 0, 100, prefix + "volume_ratio");
        if (voice.voiceCapability() != null) {
            throw ApiException.invalid(prefix + "voice_capability", "can be queried but cannot be configured");
        }
    }

    private static void humanModel2dMeta(HumanModel2dMeta model) {
        if (model == null) {
            return;
        }
        String prefix = "asset_extra_meta.human_model_2d_meta.";
        Check.eachLength(Check.size(model.deviceNames(), 16, prefix + "device_names"), 1, 64, prefix + "device_names");
        Check.oneOf(model.modelResolution(), MODEL_RESOLUTIONS, prefix + "model_resolution");
    }
}

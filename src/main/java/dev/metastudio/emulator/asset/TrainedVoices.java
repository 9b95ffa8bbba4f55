package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.asset.meta.VoiceModelMeta;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The VOICE_MODEL assets voice modeling produces (reference 9: "the name is used as the name of the timbre model
 * asset in the asset library"): a project's own ACTIVED timbre, usable wherever a preset timbre is, bound to an
 * engine voice of the recorded speaker's sex with the factors measured from the recordings.
 */
@Component
public class TrainedVoices {
    private final AssetRepository assets;
    private final Clock clock;

    TrainedVoices(AssetRepository assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    /** What training learnt: the engine voice and its factors. */
    public record Timbre(String language, String sex, double pitch, double rate, double gain) {
    }

    /** Writes the asset in the caller's transaction (the one recording the job's success) and returns its id. */
    public String create(String projectId, String name, String description, String appUserId, Timbre timbre) {
        Instant now = clock.instant();
        AssetEntity asset = new AssetEntity();
        asset.setId(UUID.randomUUID().toString());
        asset.setAssetId(UUID.randomUUID().toString().replace("-", ""));
        asset.setProjectId(projectId);
        asset.setAssetSource("CUSTOMIZATION");
        asset.setAssetName(name);
        asset.setAssetDescription(description);
        asset.setAssetType(AssetType.VOICE_MODEL);
        asset.setAssetState(AssetState.ACTIVED);
        asset.setAppUserId(appUserId);
        asset.setEngineBinding(new EngineBinding.Voice(timbre.language(), timbre.sex(), 0, round(timbre.pitch()),
                round(timbre.rate()), round(timbre.gain())).encode());
        asset.setSupportedServices(List.of(SupportedService.VIDEO_2D.name(), SupportedService.LIVE_2D.name(),
                SupportedService.CHAT_2D.name()));
        asset.setSystemProperties(List.of(new AssetEntity.PropertyValue("CREATED_BY_PLATFORM", "Yes")));
        VoiceModelMeta.VoiceLanguage language = VoiceModelMeta.VoiceLanguage.valueOf(
                timbre.language().toUpperCase(Locale.ROOT));
        asset.applyExtraMeta(AssetExtraMeta.empty().withVoiceModelMeta(new VoiceModelMeta(null,
                VoiceModelMeta.ModelType.CLONE, VoiceModelMeta.Sex.valueOf(timbre.sex()), language,
                List.of(language), 1f, 1f, true, null, null, null, false, false, false)));
        asset.setCreateTime(now);
        asset.setUpdateTime(now);
        assets.save(asset);
        return asset.getAssetId();
    }

    private static double round(double factor) {
        return Math.round(factor * 10_000) / 10_000.0;
    }
}

package dev.metastudio.emulator.asset.library;

import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.asset.EngineBinding;
import dev.metastudio.emulator.asset.SupportedService;
import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.asset.meta.VoiceModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The preset timbres: one VOICE_MODEL per documented id, listed for the configured region. */
@Component
class PresetVoiceSeeds implements SystemAssetSource {
    /**
     * What the emulated TTS honours (reference 11.7 through the media engine): every engine speaks CMU phonemes
     * ({@code <phoneme ph="W EH1 DH ER0">}); pinyin ({@code ph="tian1 qi4"}) only the Mandarin voice.
     */
    static final VoiceModelMeta.VoiceCapability CAPABILITY = capability(false);
    static final VoiceModelMeta.VoiceCapability CHINESE_CAPABILITY = capability(true);
    private static final Map<String, String> REGION_NAMES = Map.of("cn-east-3", "CN East-Shanghai1",
            "cn-north-4", "CN North-Beijing4", "ap-southeast-3", "AP-Singapore");

    @Override
    public List<Seed> seeds(String region) {
        List<Seed> seeds = new ArrayList<>();
        for (PresetTimbres.Timbre timbre : PresetTimbres.load()) {
            timbre.idsByRegion().forEach((timbreRegion, id) -> {
                seeds.add(seed(timbre, timbreRegion, id, timbreRegion.equals(region) ? SystemLibrary.LISTED
                        : SystemLibrary.ALIAS));
                // The id exactly as printed is listed; its evident 32-hex form (if any) resolves too, unlisted.
                String intended = PresetTimbres.intendedForm(id);
                if (intended != null) {
                    seeds.add(seed(timbre, timbreRegion, intended, SystemLibrary.ALIAS));
                }
            });
        }
        return seeds;
    }

    private static Seed seed(PresetTimbres.Timbre timbre, String timbreRegion, String id, String source) {
        return new Seed(id, AssetType.VOICE_MODEL, source,
                asset -> {
                    asset.setAssetName(timbre.name());
                    asset.setAssetDescription("Preset timbre (" + REGION_NAMES.get(timbreRegion) + " id)");
                    asset.setAssetOrder(timbre.row());
                    asset.setEngineBinding(new EngineBinding.Voice(timbre.language(), timbre.sex(), timbre.variant())
                            .encode());
                    asset.setSupportedServices(List.of(SupportedService.VIDEO_2D.name(),
                            SupportedService.LIVE_2D.name(), SupportedService.CHAT_2D.name()));
                    asset.applyExtraMeta(AssetExtraMeta.empty().withVoiceModelMeta(meta(timbre)));
                },
                List.of());
    }

    private static VoiceModelMeta meta(PresetTimbres.Timbre timbre) {
        VoiceModelMeta.VoiceLanguage language = VoiceModelMeta.VoiceLanguage.valueOf(timbre.language());
        return new VoiceModelMeta(timbre.row(), VoiceModelMeta.ModelType.COMMON,
                VoiceModelMeta.Sex.valueOf(timbre.sex()), language, List.of(language), 1f, 1f, true, null,
                timbre.language().equals("CN") ? CHINESE_CAPABILITY : CAPABILITY, null, false, false, false);
    }

    private static VoiceModelMeta.VoiceCapability capability(boolean pinyin) {
        return new VoiceModelMeta.VoiceCapability(true, pinyin, true, true, true, true, true, true, false, false, 0f,
                0f, true);
    }
}

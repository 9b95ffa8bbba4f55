package dev.metastudio.emulator.asset.library;

import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.asset.FileCategory;
import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.asset.meta.MediaMetas;
import java.util.List;
import org.springframework.stereotype.Component;

/** Background music for background_music_config: MUSIC assets with a WAV main file. */
@Component
class MusicSeeds implements SystemAssetSource {

    @Override
    public List<Seed> seeds(String region) {
        return GeneratedMusic.ALL.stream().map(track -> new Seed(
                SystemLibrary.stableId("music:" + track.key()), AssetType.MUSIC, SystemLibrary.LISTED,
                asset -> {
                    asset.setAssetName(track.name());
                    asset.setAssetDescription("System background music, " + track.seconds() + " s loop");
                    asset.setTags(List.of("BACKGROUND_MUSIC"));
                    asset.applyExtraMeta(AssetExtraMeta.empty().withAudioMeta(new MediaMetas.AudioMeta(
                            track.seconds(), "pcm_s16le", GeneratedMusic.SAMPLE_RATE * 16 / 1000, 1,
                            GeneratedMusic.SAMPLE_RATE, null)));
                },
                List.of(new SeedFile(FileCategory.MAIN, track.key() + ".wav", "wav", "audio/wav",
                        target -> GeneratedMusic.writeWav(track, target)))))
                .toList();
    }
}

package dev.metastudio.emulator.asset.library;

import dev.metastudio.emulator.asset.AssetEntity;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.asset.FileCategory;
import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.asset.meta.MediaMetas;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/** Background images for video production: IMAGE assets classified BACKGROUND_IMG, as the reference asks. */
@Component
class BackgroundSeeds implements SystemAssetSource {

    @Override
    public List<Seed> seeds(String region) {
        return GeneratedBackgrounds.ALL.stream().map(background -> new Seed(
                SystemLibrary.stableId("background:" + background.key()), AssetType.IMAGE, SystemLibrary.LISTED,
                asset -> {
                    asset.setAssetName(background.name());
                    asset.setAssetDescription("System background image, " + background.width() + "x"
                            + background.height());
                    asset.setTags(List.of("BACKGROUND", background.width() > background.height() ? "HORIZONTAL" : "VERTICAL"));
                    asset.setSystemProperties(List.of(new AssetEntity.PropertyValue("BACKGROUND_IMG", "Yes")));
                    asset.applyExtraMeta(AssetExtraMeta.empty().withImageMeta(new MediaMetas.ImageMeta("png",
                            background.width(), background.height(), null, background.width() >= background.height()
                            ? MediaMetas.Mode.Horizontal : MediaMetas.Mode.Vertical, null, null, null)));
                },
                List.of(new SeedFile(FileCategory.MAIN, background.key() + ".png", "png", "image/png",
                        target -> ImageIO.write(GeneratedBackgrounds.render(background), "png", target.toFile())))))
                .toList();
    }
}

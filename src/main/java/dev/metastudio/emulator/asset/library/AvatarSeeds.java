package dev.metastudio.emulator.asset.library;

import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.asset.EngineBinding;
import dev.metastudio.emulator.asset.SupportedService;
import dev.metastudio.emulator.asset.meta.AssetExtraMeta;
import dev.metastudio.emulator.asset.meta.HumanModel2dMeta;
import dev.metastudio.emulator.media.avatar.AvatarCatalogue;
import dev.metastudio.emulator.media.avatar.AvatarLook;
import dev.metastudio.emulator.media.avatar.Framing;
import dev.metastudio.emulator.asset.FileCategory;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.avatar.AvatarPose;
import dev.metastudio.emulator.media.avatar.AvatarRig;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import javax.imageio.ImageIO;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The presenters of the media engine, one HUMAN_MODEL_2D per look and framing, tagged with reference 11.8 tags. */
@Component
class AvatarSeeds implements SystemAssetSource {
    /** Region and field tags of each look (reference 11.8). */
    private static final Map<String, List<String>> LOOK_TAGS = Map.of(
            "anna", List.of("WESTERN", "NEWS"),
            "david", List.of("AFRICAN", "BUSINESS"),
            "mei", List.of("ASIAN", "E_COMMERCE"),
            "kenji", List.of("ASIAN", "EDUCATION"));

    @Override
    public List<Seed> seeds(String region) {
        List<Seed> seeds = new ArrayList<>();
        for (AvatarLook look : AvatarCatalogue.looks()) {
            for (Framing framing : Framing.values()) {
                if (!look.framings().contains(framing)) {
                    continue;
                }
                seeds.add(new Seed(assetId(look.id(), framing), AssetType.HUMAN_MODEL_2D, SystemLibrary.LISTED,
                        asset -> {
                            asset.setAssetName(look.displayName() + (framing == Framing.PORTRAIT ? " (portrait)" : " (landscape)"));
                            asset.setAssetDescription("System virtual avatar, " + framing.modelWidth() + "x"
                                    + framing.modelHeight() + " model");
                            List<String> tags = new ArrayList<>(List.of("VIRTUAL_AVATARS", look.sex().name(),
                                    framing == Framing.PORTRAIT ? "HALF-BODY" : "FRONT_PHOTO", "STANDING", "1080P"));
                            tags.addAll(LOOK_TAGS.getOrDefault(look.id(), List.of()));
                            asset.setTags(tags);
                            asset.setEngineBinding(new EngineBinding.Avatar(look.id(), framing.name()).encode());
                            asset.setSupportedServices(List.of(SupportedService.VIDEO_2D.name(),
                                    SupportedService.LIVE_2D.name(), SupportedService.CHAT_2D.name()));
                            asset.applyExtraMeta(AssetExtraMeta.empty().withHumanModel2dMeta(
                                    new HumanModel2dMeta(false, false, true, HumanModel2dMeta.ModelVersion.V3_2,
                                            "1080P", List.of(), false, List.of(), false)));
                        },
                        List.of(new SeedFile(FileCategory.COVER, look.id() + "-" + framing.name().toLowerCase()
                                + ".jpg", "jpg", "image/jpeg", target -> writeCover(look.id(), framing, target)))));
            }
        }
        return seeds;
    }

    /** The presenter at rest over a soft backdrop, at a quarter of the model's resolution. */
    static void writeCover(String look, Framing framing, Path target) throws IOException {
        int width = framing.modelWidth() / 4;
        int height = framing.modelHeight() / 4;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xDCE6F2), 0, height, new Color(0x9FB3C8)));
        g.fillRect(0, 0, width, height);
        try {
            AvatarRig.build(look, framing, new Rectangle(0, 0, width, height)).draw(g, AvatarPose.rest());
        } catch (MediaException e) {
            throw new IOException("cannot draw presenter " + look + ": " + e.getMessage(), e);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "jpeg", target.toFile());
    }

    static String assetId(String look, Framing framing) {
        return SystemLibrary.stableId("avatar:" + look + ":" + framing.name());
    }
}

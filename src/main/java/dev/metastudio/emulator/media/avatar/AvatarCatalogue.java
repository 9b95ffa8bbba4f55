package dev.metastudio.emulator.media.avatar;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.speech.Sex;

import java.awt.Color;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The built-in presenters. Their ids are what the asset library seeds as system HUMAN_MODEL_2D assets. */
public final class AvatarCatalogue {

    private static final EnumSet<Framing> BOTH = EnumSet.allOf(Framing.class);

    private static final List<AvatarLook> LOOKS = List.of(
            new AvatarLook("anna", "Anna", Sex.FEMALE, BOTH),
            new AvatarLook("david", "David", Sex.MALE, BOTH),
            new AvatarLook("mei", "Mei", Sex.FEMALE, BOTH),
            new AvatarLook("kenji", "Kenji", Sex.MALE, BOTH));

    private static final Map<String, AvatarStyle> STYLES = Map.of(
            "anna", new AvatarStyle(true, new Color(0xF3D2BD), new Color(0xD9A88E), new Color(0x6E3F24),
                    new Color(0xA8683E), AvatarStyle.HairStyle.LONG_WAVY, AvatarStyle.FaceShape.OVAL,
                    new Color(0x4F7F8C), new Color(0xC4586A), AvatarStyle.Clothes.BLAZER_BLOUSE,
                    new Color(0x1F2B48), new Color(0xF7F5F0), new Color(0xD9B36A), false),
            "david", new AvatarStyle(false, new Color(0xC68D63), new Color(0x9C6644), new Color(0x2A1C14),
                    new Color(0x4E382A), AvatarStyle.HairStyle.SIDE_PART, AvatarStyle.FaceShape.SQUARE,
                    new Color(0x5A3B22), new Color(0xA8645A), AvatarStyle.Clothes.SUIT_TIE,
                    new Color(0x3B4049), new Color(0xCFE0F2), new Color(0x7E1F2E), false),
            "mei", new AvatarStyle(true, new Color(0xF6DCC6), new Color(0xDDB199), new Color(0x141116),
                    new Color(0x3A3340), AvatarStyle.HairStyle.BOB_BANGS, AvatarStyle.FaceShape.HEART,
                    new Color(0x3B2618), new Color(0xD0606A), AvatarStyle.Clothes.ROUND_NECK,
                    new Color(0x2C8A85), new Color(0x1F6A66), new Color(0xF2E6D0), false),
            "kenji", new AvatarStyle(false, new Color(0xEAC6A4), new Color(0xC99C7A), new Color(0x17171C),
                    new Color(0x34343C), AvatarStyle.HairStyle.TEXTURED_CROP, AvatarStyle.FaceShape.LONG,
                    new Color(0x33241A), new Color(0xB87468), AvatarStyle.Clothes.SWEATER_COLLAR,
                    new Color(0x3F5A45), new Color(0xF4F4F2), new Color(0x222222), true));

    private AvatarCatalogue() {
    }

    public static List<AvatarLook> looks() {
        return LOOKS;
    }

    public static AvatarLook look(String id) throws MediaException {
        for (AvatarLook look : LOOKS) {
            if (look.id().equals(id)) {
                return look;
            }
        }
        throw new MediaException(Reason.INVALID_INPUT, "unknown avatar look '" + id + "'; known: "
                + LOOKS.stream().map(AvatarLook::id).toList());
    }

    static AvatarStyle style(String id) throws MediaException {
        AvatarStyle style = STYLES.get(id);
        if (style == null) {
            look(id);
        }
        return style;
    }
}

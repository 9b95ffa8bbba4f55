package dev.metastudio.emulator.media.avatar;

import java.awt.Color;

/** The drawing parameters that make one presenter look unlike another. */
record AvatarStyle(
        boolean female,
        Color skin,
        Color skinShadow,
        Color hair,
        Color hairHighlight,
        HairStyle hairStyle,
        FaceShape faceShape,
        Color iris,
        Color lips,
        Clothes clothes,
        Color clothesMain,
        Color clothesSecond,
        Color accent,
        boolean glasses) {

    enum HairStyle { LONG_WAVY, SIDE_PART, BOB_BANGS, TEXTURED_CROP }

    /** Half-widths of the face at cheekbones and at the jaw, and how far the chin reaches (units). */
    enum FaceShape {
        OVAL(98, 70, 132),
        SQUARE(102, 86, 130),
        HEART(100, 62, 128),
        LONG(94, 74, 138);

        final double cheek;
        final double jaw;
        final double chin;

        FaceShape(double cheek, double jaw, double chin) {
            this.cheek = cheek;
            this.jaw = jaw;
            this.chin = chin;
        }
    }

    enum Clothes { BLAZER_BLOUSE, SUIT_TIE, ROUND_NECK, SWEATER_COLLAR }
}

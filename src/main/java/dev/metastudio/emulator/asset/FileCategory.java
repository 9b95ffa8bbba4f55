package dev.metastudio.emulator.asset;

import java.util.EnumSet;
import java.util.Set;

/** asset_file_category, and which categories each asset type takes (reference 4.2.1). */
public enum FileCategory {
    MAIN, COVER, PAGE, SAMPLE, OTHER, WHOLE_MODEL, USER_MODIFIED_MODEL;

    public static Set<FileCategory> allowedFor(AssetType type) {
        return switch (type) {
            case PPT -> EnumSet.of(MAIN, COVER, PAGE, OTHER);
            case HUMAN_MODEL -> EnumSet.of(MAIN, COVER, WHOLE_MODEL, USER_MODIFIED_MODEL, OTHER);
            case VOICE_MODEL -> EnumSet.of(MAIN, SAMPLE, OTHER);
            case HUMAN_MODEL_2D -> EnumSet.of(MAIN, COVER, SAMPLE, OTHER);
            case BUSINESS_CARD_TEMPLET -> EnumSet.of(MAIN, COVER);
            default -> EnumSet.of(MAIN, COVER, OTHER);
        };
    }
}

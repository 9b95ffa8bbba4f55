package dev.metastudio.emulator.asset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.metastudio.emulator.edge.JsonEnums;

/** asset_type. The reference spells the business-card template both TEMPLATE and TEMPLET: both are accepted, TEMPLET is emitted as the SDK and the response tables do. */
public enum AssetType {
    HUMAN_MODEL, VOICE_MODEL, SCENE, ANIMATION, VIDEO, IMAGE, PPT, MATERIAL, NORMAL_MODEL, COMMON_FILE,
    HUMAN_MODEL_2D, BUSINESS_CARD_TEMPLET, MUSIC, AUDIO;

    @JsonCreator
    public static AssetType parse(String value) {
        if ("BUSINESS_CARD_TEMPLATE".equals(value)) {
            return BUSINESS_CARD_TEMPLET;
        }
        return JsonEnums.byName(values(), value);
    }

    @JsonValue
    public String json() {
        return name();
    }

    /** Types whose main file is audio or video media that FFmpeg can probe. */
    public boolean isTimedMedia() {
        return this == VIDEO || this == AUDIO || this == MUSIC;
    }
}

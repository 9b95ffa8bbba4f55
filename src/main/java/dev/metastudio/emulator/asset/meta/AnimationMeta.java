package dev.metastudio.emulator.asset.meta;

/** animation_meta of 3D animations. */
public record AnimationMeta(String styleId, Float duration, Boolean autoAnalysis, Float voiceDelay,
                            InsertRestriction animationInsertRestriction) {

    public enum InsertRestriction { ONLY_BEGINNING, ONLY_END }
}

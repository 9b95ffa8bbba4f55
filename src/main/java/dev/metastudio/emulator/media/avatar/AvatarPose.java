package dev.metastudio.emulator.media.avatar;

import dev.metastudio.emulator.media.lipsync.Viseme;

/**
 * Everything that moves in one frame: whole-pixel offsets of body and head, the eyelids, the mouth's shape and how far
 * it is open (0 closed .. 1 wide open; the painter draws it in {@link AvatarRig#OPENNESS_STEPS} steps).
 */
public record AvatarPose(int bodyDy, int headDx, int headDy, Eyelids eyes, Viseme mouth, double openness) {

    public enum Eyelids { OPEN, HALF, CLOSED }

    public AvatarPose {
        openness = Math.max(0, Math.min(1, openness));
    }

    /** The shape at its typical opening in speech ({@link Viseme#typicalOpening()}). */
    public AvatarPose(int bodyDy, int headDx, int headDy, Eyelids eyes, Viseme mouth) {
        this(bodyDy, headDx, headDy, eyes, mouth, mouth.typicalOpening());
    }

    public static AvatarPose rest() {
        return new AvatarPose(0, 0, 0, Eyelids.OPEN, Viseme.X);
    }
}

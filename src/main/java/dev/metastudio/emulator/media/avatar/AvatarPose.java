package dev.metastudio.emulator.media.avatar;

import dev.metastudio.emulator.media.lipsync.Viseme;

/** Everything that moves in one frame: whole-pixel offsets of body and head, the eyelids and the mouth. */
public record AvatarPose(int bodyDy, int headDx, int headDy, Eyelids eyes, Viseme mouth) {

    public enum Eyelids { OPEN, HALF, CLOSED }

    public static AvatarPose rest() {
        return new AvatarPose(0, 0, 0, Eyelids.OPEN, Viseme.X);
    }
}

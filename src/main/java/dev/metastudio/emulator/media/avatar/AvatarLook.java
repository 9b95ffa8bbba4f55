package dev.metastudio.emulator.media.avatar;

import dev.metastudio.emulator.media.speech.Sex;

import java.util.Set;

/** A presenter the asset library can offer as a HUMAN_MODEL_2D asset; {@code id} is stable across releases. */
public record AvatarLook(String id, String displayName, Sex sex, Set<Framing> framings) {

    public AvatarLook {
        framings = Set.copyOf(framings);
    }
}

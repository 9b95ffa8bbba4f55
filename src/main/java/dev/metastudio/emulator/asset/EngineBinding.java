package dev.metastudio.emulator.asset;

import java.util.Optional;

/**
 * How the media engine realises a model asset, kept out of the API's view: a presenter look and framing for a
 * HUMAN_MODEL_2D, a language, sex and voice variant for a VOICE_MODEL. Written as {@code avatar:<look>:<FRAMING>}
 * or {@code voice:<LANGUAGE>:<SEX>:<variant>}.
 */
public sealed interface EngineBinding {

    record Avatar(String look, String framing) implements EngineBinding {
        @Override
        public String encode() {
            return "avatar:" + look + ":" + framing;
        }
    }

    record Voice(String language, String sex, int variant) implements EngineBinding {
        @Override
        public String encode() {
            return "voice:" + language + ":" + sex + ":" + variant;
        }
    }

    /**
     * A presenter trained from the asset's own MAIN file (image-model training): framing and the face box found in
     * it, in its pixels. Written as {@code footage:<FRAMING>:<x>:<y>:<width>:<height>}.
     */
    record Footage(String framing, int faceX, int faceY, int faceWidth, int faceHeight) implements EngineBinding {
        @Override
        public String encode() {
            return "footage:" + framing + ":" + faceX + ":" + faceY + ":" + faceWidth + ":" + faceHeight;
        }
    }

    String encode();

    static Optional<EngineBinding> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(":");
        if (parts.length == 3 && parts[0].equals("avatar")) {
            return Optional.of(new Avatar(parts[1], parts[2]));
        }
        if (parts.length == 6 && parts[0].equals("footage")) {
            try {
                return Optional.of(new Footage(parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3]),
                        Integer.parseInt(parts[4]), Integer.parseInt(parts[5])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (parts.length == 4 && parts[0].equals("voice")) {
            try {
                return Optional.of(new Voice(parts[1], parts[2], Integer.parseInt(parts[3])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

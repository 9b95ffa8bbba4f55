package dev.metastudio.emulator.asset;

import java.util.Optional;

/**
 * How the media engine realises a model asset, kept out of the API's view: a presenter look and framing for a
 * HUMAN_MODEL_2D, a language, sex and voice variant for a VOICE_MODEL. Written as {@code avatar:<look>:<FRAMING>}
 * or {@code voice:<LANGUAGE>:<SEX>:<variant>}; a timbre trained by voice modeling adds its pitch, rate and gain
 * factors: {@code voice:<LANGUAGE>:<SEX>:<variant>:<pitch>:<rate>:<gain>}.
 */
public sealed interface EngineBinding {

    record Avatar(String look, String framing) implements EngineBinding {
        @Override
        public String encode() {
            return "avatar:" + look + ":" + framing;
        }
    }

    record Voice(String language, String sex, int variant, double pitch, double rate, double gain)
            implements EngineBinding {
        public Voice(String language, String sex, int variant) {
            this(language, sex, variant, 1, 1, 1);
        }

        public boolean tuned() {
            return pitch != 1 || rate != 1 || gain != 1;
        }

        @Override
        public String encode() {
            String base = "voice:" + language + ":" + sex + ":" + variant;
            return tuned() ? base + ":" + pitch + ":" + rate + ":" + gain : base;
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
        if (parts.length == 7 && parts[0].equals("voice")) {
            try {
                double pitch = Double.parseDouble(parts[4]);
                double rate = Double.parseDouble(parts[5]);
                double gain = Double.parseDouble(parts[6]);
                if (pitch > 0 && rate > 0 && gain > 0) {
                    return Optional.of(new Voice(parts[1], parts[2], Integer.parseInt(parts[3]), pitch, rate, gain));
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

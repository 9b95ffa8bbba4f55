package dev.metastudio.emulator.media.speech;

import java.util.Objects;

/**
 * A timbre as the asset library describes it: the language code of VoiceModelAssetMeta.language (CN, EN, GER, fr,
 * Kr, por, JPN, Ita, ESP, YY, Russian, ... as written there, case-insensitive), the speaker's sex, and the voice's own
 * base pitch and rate as factors around 1.0 (so two voices of one language and sex can still sound different).
 */
public record Voice(String language, Sex sex, double basePitch, double baseRate) {

    public Voice {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sex, "sex");
        if (!(basePitch >= 0.5 && basePitch <= 2.0) || !(baseRate >= 0.5 && baseRate <= 2.0)) {
            throw new IllegalArgumentException("base pitch and rate must lie in 0.5..2.0");
        }
    }

    public static Voice of(String language, Sex sex) {
        return new Voice(language, sex, 1.0, 1.0);
    }
}

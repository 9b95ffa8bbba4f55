package dev.metastudio.emulator.media.speech;

import java.util.Objects;

/**
 * A timbre as the asset library describes it: the language code of VoiceModelAssetMeta.language (CN, EN, GER, fr,
 * Kr, por, JPN, Ita, ESP, YY, Russian, ... as written there, case-insensitive), the speaker's sex, and which of the
 * media engine's voices of that language and sex it is ({@code variant} 1, 2, ...; 0 = the first, for voices that
 * name none). Two variants of one language and sex always sound different ({@link VoiceCatalogue}).
 *
 * <p>{@code pitch}, {@code rate} and {@code gain} are the voice's own factors on top of the engine voice (1 for a
 * preset timbre): a timbre trained from recordings (voice modeling) carries the factors that make the engine voice
 * speak at the recorded speaker's median F0, speaking rate and loudness. They multiply the request's own speed,
 * pitch and volume.
 */
public record Voice(String language, Sex sex, int variant, double pitch, double rate, double gain) {

    public Voice {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sex, "sex");
        if (variant < 0) {
            throw new IllegalArgumentException("variant must be 0 or more");
        }
        if (!(pitch > 0) || !(rate > 0) || !(gain > 0)) {
            throw new IllegalArgumentException("pitch, rate and gain must be positive");
        }
    }

    public Voice(String language, Sex sex, int variant) {
        this(language, sex, variant, 1, 1, 1);
    }

    public static Voice of(String language, Sex sex) {
        return new Voice(language, sex, 0);
    }

    /** The same engine voice with other factors (a trained timbre's). */
    public Voice tuned(double pitchFactor, double rateFactor, double gainFactor) {
        return new Voice(language, sex, variant, pitchFactor, rateFactor, gainFactor);
    }
}

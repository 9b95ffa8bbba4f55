package dev.metastudio.emulator.media.speech;

import java.util.Objects;

/**
 * A timbre as the asset library describes it: the language code of VoiceModelAssetMeta.language (CN, EN, GER, fr,
 * Kr, por, JPN, Ita, ESP, YY, Russian, ... as written there, case-insensitive), the speaker's sex, and which of the
 * media engine's voices of that language and sex it is ({@code variant} 1, 2, ...; 0 = the first, for voices that
 * name none). Two variants of one language and sex always sound different ({@link VoiceCatalogue}).
 */
public record Voice(String language, Sex sex, int variant) {

    public Voice {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sex, "sex");
        if (variant < 0) {
            throw new IllegalArgumentException("variant must be 0 or more");
        }
    }

    public static Voice of(String language, Sex sex) {
        return new Voice(language, sex, 0);
    }
}

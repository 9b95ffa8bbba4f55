package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.Voice;

/**
 * A VOICE_MODEL asset as a voice of the media engine. Preset timbres carry a variant number (their place among the
 * preset timbres of their language and sex), so different timbres of one language and sex get different voices.
 */
public final class VoiceBindings {
    private VoiceBindings() {
    }

    public static Voice voiceOf(AssetEntity asset) {
        EngineBinding binding = EngineBinding.decode(asset.getEngineBinding()).orElse(null);
        if (binding instanceof EngineBinding.Voice voice) {
            return new Voice(voice.language(), sex(voice.sex()), Math.max(0, voice.variant()), voice.pitch(), voice.rate(),
                    voice.gain());
        }
        String language = asset.getLanguage() == null || asset.getLanguage().equals("UNKNOW") ? "CN" : asset.getLanguage();
        return Voice.of(language, sex(asset.getSex()));
    }

    private static Sex sex(String value) {
        if ("MALE".equals(value)) {
            return Sex.MALE;
        }
        return "FEMALE".equals(value) ? Sex.FEMALE : Sex.UNKNOWN;
    }
}

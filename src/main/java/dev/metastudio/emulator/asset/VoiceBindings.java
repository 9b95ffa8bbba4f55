package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.Voice;

/**
 * A VOICE_MODEL asset as a voice of the media engine. Preset timbres carry a variant number that shifts pitch and
 * rate a little, so different timbres of one language and sex still sound different.
 */
public final class VoiceBindings {
    private VoiceBindings() {
    }

    public static Voice voiceOf(AssetEntity asset) {
        EngineBinding binding = EngineBinding.decode(asset.getEngineBinding()).orElse(null);
        if (binding instanceof EngineBinding.Voice voice) {
            double pitch = 0.88 + (voice.variant() % 7) * 0.04;
            double rate = 0.96 + (voice.variant() % 3) * 0.04;
            return new Voice(voice.language(), sex(voice.sex()), pitch, rate);
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

package dev.metastudio.emulator.composition;

import dev.metastudio.emulator.media.speech.VoiceSettings;

/** VoiceConfig (reference Table 5-4): the timbre and its speed, pitch and volume ({@link VoiceParameters}). */
public record VoiceConfig(String voiceAssetId, Integer speed, Integer pitch, Integer volume) {

    /** As the details APIs answer it: with the documented defaults filled in. */
    public VoiceConfig withDefaults() {
        return new VoiceConfig(voiceAssetId, VoiceParameters.speedOrDefault(speed), VoiceParameters.pitchOrDefault(pitch),
                VoiceParameters.volumeOrDefault(volume));
    }

    public VoiceSettings settings() {
        return VoiceParameters.settings(speed, pitch, volume);
    }
}

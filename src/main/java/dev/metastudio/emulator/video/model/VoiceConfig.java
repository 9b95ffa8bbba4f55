package dev.metastudio.emulator.video.model;

/** VoiceConfig (reference Table 5-4): the timbre and its speed 50-200, pitch 50-200, volume 90-240. */
public record VoiceConfig(String voiceAssetId, Integer speed, Integer pitch, Integer volume) {
    public static final int DEFAULT_SPEED = 100;
    public static final int DEFAULT_PITCH = 100;
    public static final int DEFAULT_VOLUME = 140;

    /** As the details APIs answer it: with the documented defaults filled in. */
    public VoiceConfig withDefaults() {
        return new VoiceConfig(voiceAssetId, speed == null ? DEFAULT_SPEED : speed, pitch == null ? DEFAULT_PITCH : pitch,
                volume == null ? DEFAULT_VOLUME : volume);
    }
}

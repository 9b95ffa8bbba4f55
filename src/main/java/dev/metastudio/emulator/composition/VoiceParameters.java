package dev.metastudio.emulator.composition;

import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.media.speech.VoiceSettings;

/**
 * The documented ranges and defaults of a voice's speed, pitch and volume (VoiceConfig, reference Table 5-4, and the
 * TTS preview body, reference 10.1): speed 50-200 (100), pitch 50-200 (100), volume 90-240 (140). Video scripts,
 * video jobs and TTS previews check and fill them here; the media engine guards its own input separately.
 */
public final class VoiceParameters {
    public static final int MIN_SPEED = 50;
    public static final int MAX_SPEED = 200;
    public static final int DEFAULT_SPEED = 100;
    public static final int MIN_PITCH = 50;
    public static final int MAX_PITCH = 200;
    public static final int DEFAULT_PITCH = 100;
    public static final int MIN_VOLUME = 90;
    public static final int MAX_VOLUME = 240;
    public static final int DEFAULT_VOLUME = 140;

    private VoiceParameters() {
    }

    /** Refuses a value out of its range with 400 naming {@code prefix + "speed"} (or pitch, volume); null is allowed. */
    public static void check(Integer speed, Integer pitch, Integer volume, String prefix) {
        Check.range(speed, MIN_SPEED, MAX_SPEED, prefix + "speed");
        Check.range(pitch, MIN_PITCH, MAX_PITCH, prefix + "pitch");
        Check.range(volume, MIN_VOLUME, MAX_VOLUME, prefix + "volume");
    }

    public static int speedOrDefault(Integer speed) {
        return speed == null ? DEFAULT_SPEED : speed;
    }

    public static int pitchOrDefault(Integer pitch) {
        return pitch == null ? DEFAULT_PITCH : pitch;
    }

    public static int volumeOrDefault(Integer volume) {
        return volume == null ? DEFAULT_VOLUME : volume;
    }

    /** The media engine's settings, the documented defaults filled in. */
    public static VoiceSettings settings(Integer speed, Integer pitch, Integer volume) {
        return new VoiceSettings(speedOrDefault(speed), pitchOrDefault(pitch), volumeOrDefault(volume));
    }
}

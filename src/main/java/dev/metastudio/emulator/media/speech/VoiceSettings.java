package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

/**
 * VoiceConfig's speed (50-200, 100 = normal, about 150 words per minute), pitch (50-200, 100 = the voice's own) and
 * volume (90-240, default 140, taken as unity gain).
 */
public record VoiceSettings(int speed, int pitch, int volume) {

    public static final VoiceSettings DEFAULT = new VoiceSettings(100, 100, 140);

    public VoiceSettings validate() throws MediaException {
        check("speed", speed, 50, 200);
        check("pitch", pitch, 50, 200);
        check("volume", volume, 90, 240);
        return this;
    }

    private static void check(String name, int value, int min, int max) throws MediaException {
        if (value < min || value > max) {
            throw new MediaException(Reason.INVALID_INPUT, name + " " + value + " is outside " + min + ".." + max);
        }
    }

    public double rateFactor() {
        return speed / 100.0;
    }

    public double pitchFactor() {
        return pitch / 100.0;
    }

    public double gain() {
        return volume / 140.0;
    }
}

package dev.metastudio.emulator.media.lipsync;

/**
 * One phone as the speech engine placed it: its symbol (ARPAbet or IPA, as the engine reports it), the mouth shape it
 * calls for, and its span in seconds from the start of the clip. A pause is a phone whose shape is {@link Viseme#X}.
 */
public record PhoneTiming(String phone, Viseme shape, double startSeconds, double endSeconds) {

    public PhoneTiming {
        if (!(endSeconds >= startSeconds)) {
            throw new IllegalArgumentException("phone " + phone + " ends before it starts");
        }
    }

    public boolean pause() {
        return shape == Viseme.X;
    }

    public double duration() {
        return endSeconds - startSeconds;
    }

    public PhoneTiming shifted(double seconds) {
        return new PhoneTiming(phone, shape, startSeconds + seconds, endSeconds + seconds);
    }
}

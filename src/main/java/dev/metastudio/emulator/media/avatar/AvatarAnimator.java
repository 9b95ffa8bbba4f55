package dev.metastudio.emulator.media.avatar;

import dev.metastudio.emulator.media.lipsync.Viseme;

import java.util.SplittableRandom;

/**
 * Turns a frame number and a mouth shape into a pose: blinks every 2 to 6 seconds at seeded pseudo-random moments, and
 * a slow sway of the head and breathing of the shoulders made of incommensurate sines, so it never visibly repeats.
 * The same seed and frames always give the same poses.
 */
public final class AvatarAnimator {

    private static final double FPS = 25;
    private static final AvatarPose.Eyelids[] BLINK = {
            AvatarPose.Eyelids.HALF, AvatarPose.Eyelids.CLOSED, AvatarPose.Eyelids.CLOSED, AvatarPose.Eyelids.HALF};

    private final double scale;
    private final SplittableRandom random;
    private final double phase1;
    private final double phase2;
    private final double phase3;
    private long nextBlink;

    public AvatarAnimator(double pixelsPerUnit, long seed) {
        this.scale = pixelsPerUnit;
        this.random = new SplittableRandom(seed);
        this.phase1 = random.nextDouble() * 2 * Math.PI;
        this.phase2 = random.nextDouble() * 2 * Math.PI;
        this.phase3 = random.nextDouble() * 2 * Math.PI;
        this.nextBlink = blinkGap();
    }

    private long blinkGap() {
        return Math.round((2.0 + random.nextDouble() * 4.0) * FPS);
    }

    /** The shape at its typical opening in speech. Frames must be asked for in increasing order (see below). */
    public AvatarPose pose(long frame, Viseme mouth) {
        return pose(frame, mouth, mouth.typicalOpening());
    }

    /**
     * Frames must be asked for in increasing order (the blink schedule is drawn as time goes on).
     *
     * @param openness how far the mouth is open, 0..1 ({@link dev.metastudio.emulator.media.lipsync.MouthTrack})
     */
    public AvatarPose pose(long frame, Viseme mouth, double openness) {
        while (frame >= nextBlink + BLINK.length) {
            nextBlink += BLINK.length + blinkGap();
        }
        AvatarPose.Eyelids eyes = frame >= nextBlink ? BLINK[(int) (frame - nextBlink)] : AvatarPose.Eyelids.OPEN;
        double t = frame / FPS;
        // Slow periods: an idle head drifts over several seconds, it does not wobble.
        double sway = 0.65 * Math.sin(2 * Math.PI * t / 8.1 + phase1) + 0.35 * Math.sin(2 * Math.PI * t / 4.7 + phase2);
        double nod = 0.5 * Math.sin(2 * Math.PI * t / 5.3 + phase2) + 0.5 * Math.sin(2 * Math.PI * t / 7.9 + phase3);
        // About twelve breaths a minute.
        double breath = Math.sin(2 * Math.PI * t / 5.0 + phase3);
        int headDx = (int) Math.round(sway * AvatarRig.HEAD_SWAY_UNITS * scale);
        int headDy = (int) Math.round(nod * AvatarRig.HEAD_SWAY_UNITS * 0.6 * scale);
        int bodyDy = (int) Math.round(breath * AvatarRig.BREATH_UNITS * scale);
        return new AvatarPose(bodyDy, headDx, headDy, eyes, mouth, openness);
    }
}

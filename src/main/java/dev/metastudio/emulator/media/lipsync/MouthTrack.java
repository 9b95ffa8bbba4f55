package dev.metastudio.emulator.media.lipsync;

import java.util.Arrays;

/**
 * A scene's mouth, one entry per 25 fps frame: the shape the lips make ({@link Viseme}, from the phones or the sound)
 * and how far the jaw is open (0 closed .. 1 wide open), which follows the loudness of the voice within the range the
 * shape allows (see {@link JawOpening}). Past the last frame the mouth rests, closed.
 */
public final class MouthTrack {

    private static final MouthTrack SILENT = new MouthTrack(new Viseme[0], new double[0]);

    private final Viseme[] shapes;
    private final double[] openness;

    private MouthTrack(Viseme[] shapes, double[] openness) {
        if (shapes.length != openness.length) {
            throw new IllegalArgumentException(shapes.length + " shapes but " + openness.length + " openings");
        }
        this.shapes = shapes;
        this.openness = openness;
    }

    /**
     * Shapes whose opening follows the per-frame loudness ({@link FrameLoudness}, dBFS) of the same audio; in silent
     * frames the mouth rests.
     */
    public static MouthTrack of(Viseme[] shapes, double[] loudnessDb) {
        Viseme[] resting = JawOpening.atRest(shapes, loudnessDb);
        return new MouthTrack(resting, JawOpening.of(resting, loudnessDb));
    }

    /** Shapes at their typical opening ({@link Viseme#typicalOpening()}), for callers without the audio. */
    public static MouthTrack nominal(Viseme[] shapes) {
        return new MouthTrack(shapes.clone(), Arrays.stream(shapes).mapToDouble(Viseme::typicalOpening).toArray());
    }

    public static MouthTrack silent() {
        return SILENT;
    }

    public int frames() {
        return shapes.length;
    }

    public Viseme shape(int frame) {
        return frame >= 0 && frame < shapes.length ? shapes[frame] : Viseme.X;
    }

    public double openness(int frame) {
        return frame >= 0 && frame < openness.length ? openness[frame] : 0;
    }

    public Viseme[] shapes() {
        return shapes.clone();
    }

    public double[] openness() {
        return openness.clone();
    }
}

package dev.metastudio.emulator.media.lipsync;

/**
 * Mouth shapes in the manner of Rhubarb Lip Sync: X rest, A closed (M, B, P), B slightly open with teeth (S, T, K),
 * C open (EH), D wide open (AA), E rounded (AO, ER), F puckered (UW, W), G lower lip under the teeth (F, V), H tongue
 * raised (L). {@code opening} is how far the jaw drops (0..1) when the shape is spoken at the clip's full speaking
 * level; softer frames open it proportionally less (see {@link JawOpening}), so these values are close together: the
 * loudness of the sound already tells a vowel from a consonant, and the shapes differ in width, rounding, teeth and
 * tongue. {@code width} is how far the corners spread (0..1). A and X are closed whatever the sound.
 */
public enum Viseme {
    X(0.00, 0.50),
    A(0.00, 0.45),
    B(0.73, 0.62),
    C(0.88, 0.62),
    D(1.00, 0.60),
    E(0.90, 0.35),
    F(0.76, 0.18),
    G(0.68, 0.55),
    H(0.90, 0.52);

    /**
     * The median loudness of a voiced frame relative to the speaking level, as {@link JawOpening} scales it, on the
     * speech benchmark (0.40): what a shape opens to in ordinary speech.
     */
    private static final double TYPICAL_LEVEL = 0.4;

    private final double opening;
    private final double width;

    Viseme(double opening, double width) {
        this.opening = opening;
        this.width = width;
    }

    public double opening() {
        return opening;
    }

    /** How far the shape opens in ordinary speech, for a mouth drawn without its sound's loudness. */
    public double typicalOpening() {
        return opening * TYPICAL_LEVEL;
    }

    public double width() {
        return width;
    }
}

package dev.metastudio.emulator.media.lipsync;

/**
 * Mouth shapes in the manner of Rhubarb Lip Sync: X rest, A closed (M, B, P), B slightly open with teeth (S, T, K),
 * C open (EH), D wide open (AA), E rounded (AO, ER), F puckered (UW, W), G lower lip under the teeth (F, V), H tongue
 * raised (L). {@code opening} is how far the jaw drops (0..1) at the speaking level, {@code least} how far when the
 * shape is barely voiced (see {@link JawOpening}), {@code width} how far the corners spread (0..1). A and X are closed
 * whatever the sound.
 */
public enum Viseme {
    X(0.00, 0.00, 0.50),
    A(0.00, 0.00, 0.45),
    B(0.04, 0.18, 0.62),
    C(0.08, 0.45, 0.62),
    D(0.12, 0.85, 0.60),
    E(0.08, 0.50, 0.35),
    F(0.04, 0.22, 0.18),
    G(0.02, 0.12, 0.55),
    H(0.08, 0.50, 0.52);

    private final double least;
    private final double opening;
    private final double width;

    Viseme(double least, double opening, double width) {
        this.least = least;
        this.opening = opening;
        this.width = width;
    }

    public double least() {
        return least;
    }

    public double opening() {
        return opening;
    }

    public double width() {
        return width;
    }
}

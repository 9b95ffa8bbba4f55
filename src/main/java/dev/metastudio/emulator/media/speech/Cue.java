package dev.metastudio.emulator.media.speech;

/** A subtitle: text shown from {@code startSeconds} to {@code endSeconds}. */
public record Cue(double startSeconds, double endSeconds, String text) {

    public Cue shifted(double seconds) {
        return new Cue(startSeconds + seconds, endSeconds + seconds, text);
    }
}

package dev.metastudio.emulator.media.speech;

import java.util.List;

/**
 * What is to be said, cut into sentences: each sentence is synthesized on its own so its start and end are known
 * exactly (they time the subtitles). {@code display} is the sentence as written (for subtitles); utterances carry what
 * the engine should pronounce, which differs for {@code <sub>} and {@code <say-as>}.
 */
public record SpeechScript(List<Sentence> sentences) {

    public SpeechScript {
        sentences = List.copyOf(sentences);
    }

    public record Sentence(List<Piece> pieces, String display) {
        public Sentence {
            pieces = List.copyOf(pieces);
        }
    }

    public sealed interface Piece permits Utterance, Pause {
    }

    /**
     * Text to speak at a local rate factor (from {@code <prosody rate>}, 1.0 otherwise); the text may hold the tokens of
     * {@code <phoneme>} pronunciations.
     */
    public record Utterance(String text, double rate, List<Pronunciation> pronunciations) implements Piece {
        public Utterance {
            pronunciations = List.copyOf(pronunciations);
        }

        public Utterance(String text, double rate) {
            this(text, rate, List.of());
        }
    }

    public record Pause(int millis) implements Piece {
    }

    /** All displayed text, for choosing the engine by script (Han characters and the like). */
    public String allText() {
        StringBuilder sb = new StringBuilder();
        for (Sentence s : sentences) {
            for (Piece p : s.pieces()) {
                if (p instanceof Utterance u) {
                    sb.append(u.text()).append(' ');
                }
            }
            sb.append(s.display()).append(' ');
        }
        return sb.toString();
    }
}

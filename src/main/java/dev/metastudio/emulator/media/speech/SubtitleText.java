package dev.metastudio.emulator.media.speech;

/**
 * What a subtitle shows, and where it may be cut.
 *
 * <p>Decision (issue 13): subtitles keep the sentence's punctuation, and the marks the service overview names for
 * subtitles ("Punctuation marks (such as ,;:!?...) in subtitles will be automatically removed. If the punctuation mark
 * ... is in the middle of a piece of text, a space is added ...", service overview L465/L496) are where the text is
 * cut into cues. The API reference itself (chapters 4, 5, 10) has no rule on subtitle text; the overview's removal
 * made "Hello, world" read "Hello world", which issue 13 reports as a defect, so the emulator shows the text as
 * written and uses the documented marks only to split it.
 */
public final class SubtitleText {

    private SubtitleText() {
    }

    /** The sentence as written, with runs of white space (line breaks too) made one space. */
    public static String clean(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Whether the character at {@code i} ends a subtitle clause: {@code , ; : ! ? …} of the service overview, their
     * CJK forms, the ideographic comma and full stops. A comma, colon or dot between digits belongs to a number or a
     * time (1,000.50, 12:30) and cuts nothing.
     */
    static boolean isSplittingMark(String text, int i) {
        char c = text.charAt(i);
        return switch (c) {
            case ',', ':', '.' -> !betweenDigits(text, i);
            case ';', '!', '?', '…', '，', '；', '：', '！', '？', '。', '、', '．' -> true;
            default -> false;
        };
    }

    private static boolean betweenDigits(String text, int i) {
        return i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                && Character.isDigit(text.charAt(i + 1));
    }
}

package dev.metastudio.emulator.media.speech;

/**
 * The service's subtitle punctuation rule (service rules §9): sentence punctuation such as {@code , ; : ! ? …} (and
 * their CJK forms, and full stops) is removed; inside the text it becomes a space, at the end it is dropped. Quotes,
 * brackets, tildes and dashes stay.
 */
public final class SubtitleText {

    private SubtitleText() {
    }

    public static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isRemoved(text, i)) {
                sb.append(' ');
            } else {
                sb.append(Character.isWhitespace(c) ? ' ' : c);
            }
        }
        return sb.toString().replaceAll(" {2,}", " ").strip();
    }

    private static boolean isRemoved(String text, int i) {
        char c = text.charAt(i);
        switch (c) {
            case ',', ';', ':', '!', '?', '…', '，', '；', '：', '！', '？', '。', '、', '．' -> {
                // A colon or comma between digits belongs to a number or time (12:30, 1,000).
                return !((c == ',' || c == ':') && betweenDigits(text, i));
            }
            case '.' -> {
                return !betweenDigits(text, i);
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean betweenDigits(String text, int i) {
        return i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                && Character.isDigit(text.charAt(i + 1));
    }
}

package dev.metastudio.emulator.media.speech;

import java.util.ArrayList;
import java.util.List;

/** Finds sentence ends in running text, for Latin and CJK punctuation alike. */
public final class SentenceSplitter {

    private SentenceSplitter() {
    }

    /**
     * Cuts text after each sentence end; the pieces keep their punctuation and concatenate back to the input. A
     * Latin full stop ends a sentence only before white space or the end (so "3.5" and "e.g.x" stay whole); CJK
     * marks end a sentence wherever they are. Closing quotes and brackets stay with the sentence they close.
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '\n') {
                end = i + 1;
            } else if (isCjkTerminator(c)) {
                end = skipClosers(text, i + 1);
            } else if (isLatinTerminator(c)) {
                int j = i + 1;
                while (j < n && isLatinTerminator(text.charAt(j))) {
                    j++;
                }
                j = skipClosers(text, j);
                if (j >= n || Character.isWhitespace(text.charAt(j))) {
                    end = j;
                }
            }
            if (end > 0) {
                out.add(text.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < n) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** True when the piece ends a sentence (so the next text starts a new one). */
    public static boolean endsSentence(String piece) {
        String t = piece.stripTrailing();
        int i = t.length() - 1;
        while (i >= 0 && isCloser(t.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return piece.endsWith("\n");
        }
        char c = t.charAt(i);
        return isCjkTerminator(c) || isLatinTerminator(c) || piece.endsWith("\n");
    }

    private static int skipClosers(String text, int from) {
        int j = from;
        while (j < text.length() && isCloser(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isLatinTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';' || c == '…';
    }

    private static boolean isCjkTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '．';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '」' || c == '』'
                || c == '）' || c == '》';
    }
}

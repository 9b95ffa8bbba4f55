package dev.metastudio.emulator.media.speech;

import java.text.Normalizer;

/**
 * Text as the English engines (Festival, Flite, FreeTTS) read it: they know ASCII only, so accents are dropped
 * ("café" is read "cafe"), typographic quotes and dashes become plain ones, and other symbols become spaces rather than
 * being spelt out byte by byte.
 */
final class EnglishText {

    private EnglishText() {
    }

    static String ascii(String text) {
        String t = text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u2026', '.').replace('\u00A0', ' ');
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : ' ');
        }
        return sb.toString();
    }
}

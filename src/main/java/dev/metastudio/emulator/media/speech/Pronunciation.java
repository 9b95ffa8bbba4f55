package dev.metastudio.emulator.media.speech;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code <phoneme ph="...">word</phoneme>}: the utterance text carries {@link #token} (a made-up word of letters only)
 * where the word was, and each engine swaps in the pronunciation its own way (a lexicon entry, espeak-ng's phoneme
 * input, pinyin for the Mandarin voice). An engine that cannot read {@code ph} says {@link #shown} instead.
 */
public record Pronunciation(String token, String shown, String ph) {

    public enum Kind { ARPABET, PINYIN, OTHER }

    private static final Pattern ARPABET = Pattern.compile(
            "(?i)((AA|AE|AH|AO|AW|AY|EH|ER|EY|IH|IY|OW|OY|UH|UW)[0-2]?|B|CH|D|DH|F|G|HH|JH|K|L|M|N|NG|P|R|S|SH|T|TH|V|W|Y|Z|ZH)");
    private static final Pattern PINYIN = Pattern.compile("(?i)[a-zü:v]+[1-5]");

    private static final String[] SYLLABLES = {"da", "de", "di", "do", "du", "ka", "ke", "ki", "ko", "ku"};

    /**
     * The token for the n-th pronunciation of an utterance ("zubokada", "zubokade", ...): letters only, so no engine
     * reads it as a number, and pronounceable, so no engine spells it out letter by letter before looking it up.
     */
    public static String token(int index) {
        StringBuilder sb = new StringBuilder("zuboka");
        String digits = Integer.toString(index);
        for (int i = 0; i < digits.length(); i++) {
            sb.append(SYLLABLES[digits.charAt(i) - '0']);
        }
        return sb.toString();
    }

    public Kind kind() {
        List<String> parts = parts();
        if (parts.isEmpty()) {
            return Kind.OTHER;
        }
        if (parts.stream().allMatch(p -> PINYIN.matcher(p).matches())) {
            return Kind.PINYIN;
        }
        if (parts.stream().allMatch(p -> ARPABET.matcher(p).matches())) {
            return Kind.ARPABET;
        }
        return Kind.OTHER;
    }

    /** The phones in lower case ("w eh1 dh er0"), for lexicons of the CMU dictionary's kind. */
    public List<String> arpabet() {
        return parts().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** The syllables ("tian1", "qi4"), ü written as v the way espeak-ng's pinyin voice reads it. */
    public List<String> pinyin() {
        return parts().stream().map(p -> p.toLowerCase(Locale.ROOT).replace("ü", "v").replace("u:", "v")).toList();
    }

    private List<String> parts() {
        return Arrays.stream(ph.strip().split("[\\s\\-]+")).filter(s -> !s.isEmpty()).toList();
    }
}

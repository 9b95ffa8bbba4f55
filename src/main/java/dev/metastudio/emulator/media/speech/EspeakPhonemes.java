package dev.metastudio.emulator.media.speech;

import java.util.List;
import java.util.Map;

/** CMU dictionary phones ("W EH1 DH ER0") as espeak-ng's English phoneme input ("[[w'EDa#]]"). */
final class EspeakPhonemes {

    private static final Map<String, String> STRESSED = Map.ofEntries(
            Map.entry("aa", "A:"), Map.entry("ae", "a"), Map.entry("ah", "V"), Map.entry("ao", "O:"),
            Map.entry("aw", "aU"), Map.entry("ay", "aI"), Map.entry("eh", "E"), Map.entry("er", "3:"),
            Map.entry("ey", "eI"), Map.entry("ih", "I"), Map.entry("iy", "i:"), Map.entry("ow", "oU"),
            Map.entry("oy", "OI"), Map.entry("uh", "U"), Map.entry("uw", "u:"));
    private static final Map<String, String> CONSONANTS = Map.ofEntries(
            Map.entry("b", "b"), Map.entry("ch", "tS"), Map.entry("d", "d"), Map.entry("dh", "D"),
            Map.entry("f", "f"), Map.entry("g", "g"), Map.entry("hh", "h"), Map.entry("jh", "dZ"),
            Map.entry("k", "k"), Map.entry("l", "l"), Map.entry("m", "m"), Map.entry("n", "n"),
            Map.entry("ng", "N"), Map.entry("p", "p"), Map.entry("r", "r"), Map.entry("s", "s"),
            Map.entry("sh", "S"), Map.entry("t", "t"), Map.entry("th", "T"), Map.entry("v", "v"),
            Map.entry("w", "w"), Map.entry("y", "j"), Map.entry("z", "z"), Map.entry("zh", "Z"));

    private EspeakPhonemes() {
    }

    static String fromArpabet(List<String> phones) {
        StringBuilder sb = new StringBuilder("[[");
        for (String phone : phones) {
            String base = phone.replaceAll("[0-9]", "");
            String consonant = CONSONANTS.get(base);
            if (consonant != null) {
                sb.append(consonant);
                continue;
            }
            boolean unstressed = phone.endsWith("0");
            if (phone.endsWith("1") || phone.endsWith("2")) {
                sb.append(phone.endsWith("1") ? "'" : ",");
            }
            if (unstressed && base.equals("ah")) {
                sb.append("@");
            } else if (unstressed && base.equals("er")) {
                sb.append("3");
            } else {
                sb.append(STRESSED.getOrDefault(base, "@"));
            }
        }
        return sb.append("]]").toString();
    }
}

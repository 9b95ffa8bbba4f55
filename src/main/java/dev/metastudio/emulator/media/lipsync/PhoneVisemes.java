package dev.metastudio.emulator.media.lipsync;

import java.util.Locale;
import java.util.Map;

/**
 * Phone symbols to Rhubarb's mouth shapes. ARPAbet (Festival, Flite and FreeTTS report it, lower case) follows
 * Rhubarb's own table; IPA (espeak-ng, every language) is read by the place and rounding of its first sound, so a
 * diphthong takes the shape it starts with. {@code null} means "transparent": the phone (an /h/) takes the shape of
 * whatever follows, as the lips do.
 */
public final class PhoneVisemes {

    private static final Map<String, Viseme> ARPABET = Map.ofEntries(
            Map.entry("p", Viseme.A), Map.entry("b", Viseme.A), Map.entry("m", Viseme.A),
            Map.entry("f", Viseme.G), Map.entry("v", Viseme.G),
            Map.entry("l", Viseme.H), Map.entry("el", Viseme.H),
            Map.entry("w", Viseme.F), Map.entry("uw", Viseme.F), Map.entry("uh", Viseme.F), Map.entry("ow", Viseme.F),
            Map.entry("ao", Viseme.E), Map.entry("er", Viseme.E), Map.entry("axr", Viseme.E), Map.entry("oy", Viseme.E),
            Map.entry("r", Viseme.E),
            Map.entry("aa", Viseme.D), Map.entry("aw", Viseme.D), Map.entry("ay", Viseme.D),
            Map.entry("ae", Viseme.C), Map.entry("eh", Viseme.C), Map.entry("ah", Viseme.C), Map.entry("ax", Viseme.C),
            Map.entry("ey", Viseme.C),
            Map.entry("iy", Viseme.B), Map.entry("ih", Viseme.B), Map.entry("y", Viseme.B));

    private PhoneVisemes() {
    }

    /** An ARPAbet phone, stress digits allowed ("eh1"); pauses are pau, sil, h# or _. */
    public static Viseme arpabet(String phone) {
        String p = phone.toLowerCase(Locale.ROOT).replaceAll("[0-9]", "");
        if (p.isEmpty() || p.equals("pau") || p.equals("sil") || p.equals("h#") || p.startsWith("_")) {
            return Viseme.X;
        }
        if (p.equals("hh") || p.equals("h")) {
            return null;
        }
        return ARPABET.getOrDefault(p, Viseme.B);
    }

    /** An IPA phone (stress and length marks allowed); espeak-ng's pause symbols (_, _:, _!) and empty names rest. */
    public static Viseme ipa(String phone) {
        String p = phone.replaceAll("[ˈˌːˑ'ʰʲʷ,.;:0-9]", "");
        if (p.isEmpty() || p.startsWith("_") || p.startsWith("(")) {
            return Viseme.X;
        }
        int c = p.codePointAt(0);
        return switch (c) {
            case 'p', 'b', 'm', 'ɸ', 'β', 'ʙ' -> Viseme.A;
            case 'f', 'v', 'ɱ' -> Viseme.G;
            case 'l', 'ɫ', 'ɭ', 'ʎ', 'ɬ', 'ɮ' -> Viseme.H;
            case 'u', 'ʊ', 'w', 'ɥ', 'y', 'ʏ', 'o', 'ø', 'ɵ', 'W' -> Viseme.F;
            case 'ɔ', 'ɒ', 'ɜ', 'ɝ', 'ɚ', 'œ', 'ɞ', 'O', 'ɹ', 'ɻ', 'r' -> Viseme.E;
            case 'a', 'ɑ', 'ɐ', 'A' -> Viseme.D;
            case 'æ', 'ɛ', 'e', 'ʌ', 'ə', 'ɘ', 'ɤ', 'E', '@', 'V' -> Viseme.C;
            case 'h', 'ɦ' -> null;
            default -> Viseme.B;
        };
    }
}

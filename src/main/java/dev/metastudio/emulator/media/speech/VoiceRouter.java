package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses engine and engine voice for a text and a {@link Voice}. The text's script wins over the voice's language
 * (Chinese characters are read by espeak-ng Mandarin, or Cantonese for a YY voice, whatever the voice says), English
 * goes to FreeTTS, everything else to the espeak-ng voice of the language.
 */
public final class VoiceRouter {

    /** The engine, its voice name and the pitch factor that gives the speaker's sex where the engine has no variant. */
    public record Route(TtsEngine engine, String voice, double sexPitch) {
    }

    private static final Set<String> CHINESE = Set.of("CN", "DBH", "GT", "GXH", "HBH", "SXH", "SCH");
    private static final Map<String, List<String>> ESPEAK_VOICES = Map.ofEntries(
            Map.entry("CN", List.of("cmn")),
            Map.entry("YY", List.of("yue", "cmn")),
            Map.entry("GER", List.of("de")),
            Map.entry("FR", List.of("fr-fr", "fr")),
            Map.entry("KR", List.of("ko")),
            Map.entry("POR", List.of("pt", "pt-br")),
            Map.entry("JPN", List.of("ja")),
            Map.entry("ITA", List.of("it")),
            Map.entry("ESP", List.of("es")),
            Map.entry("RUSSIAN", List.of("ru")),
            // espeak-ng 1.51 has no Tagalog voice; Indonesian reads Filipino spelling closest.
            Map.entry("FILIPINO", List.of("fil", "tl", "id")),
            Map.entry("DUTCH", List.of("nl")),
            Map.entry("INDONESIAN", List.of("id")),
            Map.entry("VIETNAMESE", List.of("vi")),
            Map.entry("ARABIC", List.of("ar")),
            Map.entry("TURKISH", List.of("tr")),
            Map.entry("MALAY", List.of("ms")),
            Map.entry("THAI", List.of("th")),
            Map.entry("FINNISH", List.of("fi")),
            Map.entry("EN", List.of("en-us")));

    private final FreeTtsEngine freeTts;
    private final EspeakEngine espeak;

    public VoiceRouter(FreeTtsEngine freeTts, EspeakEngine espeak) {
        this.freeTts = freeTts;
        this.espeak = espeak;
    }

    public static String normalizedLanguage(Voice voice) {
        String l = voice.language().trim().toUpperCase(Locale.ROOT);
        return CHINESE.contains(l) ? "CN" : l;
    }

    /** Whether the voice reads Chinese (so dates become 年月日). */
    public static boolean readsChinese(Voice voice) {
        String l = normalizedLanguage(voice);
        return l.equals("CN") || l.equals("YY");
    }

    public Route route(String text, Voice voice) throws MediaException {
        String language = scriptLanguage(text, normalizedLanguage(voice));
        if (language.equals("EN") || language.equals("UNKNOW") || language.isEmpty()) {
            // kevin16 is a male voice: a female speaker is approximated by raising its pitch.
            double sexPitch = voice.sex() == Sex.FEMALE ? 1.6 : 1.0;
            return new Route(freeTts, FreeTtsEngine.KEVIN, sexPitch);
        }
        if (!espeak.available()) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "no speech engine for language " + voice.language()
                    + ": espeak-ng not found at '" + espeak.executable() + "'; " + EspeakEngine.INSTALL_HINT);
        }
        List<String> candidates = ESPEAK_VOICES.get(language);
        if (candidates == null) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "no speech voice for language '" + voice.language() + "'");
        }
        Set<String> installed = espeak.voices();
        for (String candidate : candidates) {
            if (installed.contains(candidate)) {
                String variant = switch (voice.sex()) {
                    case FEMALE -> "+f3";
                    case MALE -> "+m3";
                    case UNKNOWN -> "";
                };
                return new Route(espeak, candidate + variant, 1.0);
            }
        }
        throw new MediaException(Reason.TTS_UNAVAILABLE, "espeak-ng has none of the voices " + candidates
                + " for language " + voice.language() + "; install espeak-ng-data");
    }

    /** The language the text's characters demand, or the voice's language when its script fits. */
    static String scriptLanguage(String text, String voiceLanguage) {
        boolean han = false;
        boolean kana = false;
        boolean hangul = false;
        boolean cyrillic = false;
        boolean arabic = false;
        boolean thai = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            switch (s) {
                case HAN -> han = true;
                case HIRAGANA, KATAKANA -> kana = true;
                case HANGUL -> hangul = true;
                case CYRILLIC -> cyrillic = true;
                case ARABIC -> arabic = true;
                case THAI -> thai = true;
                default -> {
                }
            }
        }
        if (kana && !voiceLanguage.equals("JPN")) {
            return "JPN";
        }
        if (han) {
            if (voiceLanguage.equals("YY") || voiceLanguage.equals("JPN")) {
                return voiceLanguage;
            }
            return "CN";
        }
        if (hangul) {
            return "KR";
        }
        if (cyrillic) {
            return "RUSSIAN";
        }
        if (arabic) {
            return "ARABIC";
        }
        if (thai) {
            return "THAI";
        }
        return voiceLanguage;
    }
}

package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses engine and engine voice for a text and a {@link Voice}. The text's script wins over the voice's language
 * (Chinese characters are read by espeak-ng Mandarin, or Cantonese for a YY voice, whatever the voice says). English
 * goes to the first installed engine of the variant's candidates ({@link VoiceCatalogue}: Festival or Flite, FreeTTS
 * when neither is installed); everything else to the espeak-ng voice of the language with the variant's sex.
 */
public final class VoiceRouter {

    /**
     * The engine, its voice name, and the voice's own pitch, rate and gain factors (multiplied with the request's).
     */
    public record Route(TtsEngine engine, String voice, double pitch, double rate, double gain) {

        public Route(TtsEngine engine, String voice, double pitch, double rate) {
            this(engine, voice, pitch, rate, 1);
        }

        /** "engine:voice", for reports and tests. */
        public String describe() {
            return engine.name() + ":" + voice;
        }
    }

    private static final Set<String> CHINESE = Set.of("CN", "DBH", "GT", "GXH", "HBH", "SXH", "SCH");
    private static final Map<String, List<String>> ESPEAK_VOICES = Map.ofEntries(
            // espeak-ng 1.51's "cmn" reads Han characters as pinyin spelt in English; the pinyin voice reads them right.
            Map.entry("CN", List.of("cmn-latn-pinyin", "cmn")),
            Map.entry("YY", List.of("yue", "cmn-latn-pinyin", "cmn")),
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

    private final SpeechEngines engines;

    public VoiceRouter(SpeechEngines engines) {
        this.engines = engines;
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
            return english(voice);
        }
        EspeakEngine espeak = engines.espeak();
        if (!espeak.available()) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "no speech engine for language " + voice.language()
                    + ": espeak-ng not found at '" + espeak.executable() + "'; " + EspeakEngine.INSTALL_HINT);
        }
        List<String> candidates = ESPEAK_VOICES.get(language);
        if (candidates == null) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "no speech voice for language '" + voice.language() + "'");
        }
        Set<String> installed = espeak.voices();
        VoiceCatalogue.Candidate variant = VoiceCatalogue.espeak(voice.sex(), voice.variant());
        for (String candidate : candidates) {
            if (installed.contains(candidate)) {
                return new Route(espeak, candidate + variant.voice(), variant.pitch(), variant.rate());
            }
        }
        throw new MediaException(Reason.TTS_UNAVAILABLE, "espeak-ng has none of the voices " + candidates
                + " for language " + voice.language() + "; install espeak-ng-data");
    }

    private Route english(Voice voice) throws MediaException {
        Sex sex = voice.sex() == Sex.FEMALE ? Sex.FEMALE : Sex.MALE;
        for (VoiceCatalogue.Candidate c : VoiceCatalogue.english(sex, voice.variant())) {
            TtsEngine engine = switch (c.engine()) {
                case FESTIVAL -> engines.festival();
                case FLITE -> engines.flite();
                case FREETTS -> engines.freeTts();
                case ESPEAK -> engines.espeak();
            };
            if (engine.available() && (c.engine() != VoiceCatalogue.Engine.FESTIVAL || festivalHas(c.voice()))) {
                return new Route(engine, c.voice(), c.pitch(), c.rate());
            }
        }
        throw new MediaException(Reason.TTS_UNAVAILABLE, "no English voice for " + voice);
    }

    /** A Festival that cannot even list its voices is as good as missing: the next candidate speaks. */
    private boolean festivalHas(String voice) {
        try {
            return engines.festival().voices().contains(voice);
        } catch (MediaException e) {
            return false;
        }
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

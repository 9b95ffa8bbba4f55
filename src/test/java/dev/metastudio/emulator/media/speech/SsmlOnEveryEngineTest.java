package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SSML of reference 11.7 on every engine the timbres' capabilities claim it for (is_support_break_time,
 * _prosody, _ss_ml_say_as, _ss_ml_sub, _phoneme_en on every timbre, _phoneme on the Mandarin ones), checked on what the
 * engine really said: silence for a break, time for a prosody rate, the phones for a phoneme.
 */
class SsmlOnEveryEngineTest {

    @TempDir
    Path dir;

    private SpeechProbe.Spoken speak(String engine, String ssml) throws Exception {
        Voice voice;
        SpeechEngines engines = SpeechProbe.INSTALLED;
        switch (engine) {
            case "festival" -> {
                SpeechProbe.requireFestival();
                voice = Voice.of("EN", Sex.FEMALE);
            }
            case "flite" -> {
                SpeechProbe.requireFlite();
                voice = Voice.of("EN", Sex.MALE);
            }
            case "freetts" -> {
                voice = Voice.of("EN", Sex.MALE);
                engines = SpeechEngines.of(null, "/nonexistent/festival", "/nonexistent/flite");
            }
            default -> {
                SpeechProbe.requireEspeak();
                voice = Voice.of("CN", Sex.FEMALE);
            }
        }
        SpeechProbe.Spoken s = SpeechProbe.speak(engines, dir, ssml, voice, VoiceSettings.DEFAULT);
        assertThat(s.track().voice()).startsWith(engine + ":");
        return s;
    }

    private static String phones(SpeechProbe.Spoken s) {
        return String.join(" ", s.track().phones().stream().map(PhoneTiming::phone).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"festival", "flite", "freetts", "espeak-ng"})
    void aOneSecondBreakIsAtLeastNineTenthsOfASecondOfSilence(String engine) throws Exception {
        String words = engine.equals("espeak-ng") ? "你好<break time=\"1s\"/>世界" : "Hello<break time=\"1s\"/>world";
        SpeechProbe.Spoken s = speak(engine, "<speak>" + words + "</speak>");
        assertThat(SpeechProbe.longestSilence(s.samples())).isGreaterThanOrEqualTo(0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"festival", "flite", "freetts", "espeak-ng"})
    void prosodyRateSlowsItsTextOnly(String engine) throws Exception {
        String text = engine.equals("espeak-ng") ? "今天天气很好" : "The weather is lovely today";
        double normal = SpeechProbe.speakingSeconds(speak(engine, "<speak>" + text + "</speak>").samples());
        double slow = SpeechProbe.speakingSeconds(speak(engine, "<speak><prosody rate=\"50\">" + text
                + "</prosody></speak>").samples());
        assertThat(slow / normal).isBetween(1.6, 2.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"festival", "flite", "freetts"})
    void cmuPhonemesAreSpokenInsteadOfTheWord(String engine) throws Exception {
        // L17318: <phoneme ph="W EH1 DH AH0">weather</phoneme>; here a pronunciation the spelling cannot give.
        SpeechProbe.Spoken s = speak(engine, "<speak>The <phoneme ph=\"B AA1 B\">weather</phoneme> is here.</speak>");
        assertThat(phones(s)).contains("b aa b").doesNotContain("w eh dh");
        assertThat(s.track().cues().get(0).text()).isEqualTo("The weather is here.");
    }

    @Test
    void pinyinPhonemesAreSpokenByTheMandarinVoice() throws Exception {
        // L17318-17330: ph takes pinyin with tone digits ("tian1 qi4").
        SpeechProbe.Spoken s = speak("espeak-ng", "<speak>今天<phoneme ph=\"ma1 ma1\">天气</phoneme>很好</speak>");
        List<String> p = s.track().phones().stream().map(PhoneTiming::phone).toList();
        assertThat(String.join(" ", p)).contains("m ɑ").doesNotContain("tɕh i");
        assertThat(s.track().cues().get(0).text()).isEqualTo("今天天气很好");
    }

    @Test
    void cmuPhonemesInChineseTextGoToTheEnglishVoice() throws Exception {
        SpeechProbe.Spoken s = speak("espeak-ng", "<speak>我们的<phoneme ph=\"B AA1 B\">weather</phoneme></speak>");
        assertThat(phones(s)).contains("b ɑ").doesNotContain("w ɛ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"festival", "flite", "freetts"})
    void subAndSayAsChangeWhatIsSaid(String engine) throws Exception {
        SpeechProbe.Spoken sub = speak(engine, "<speak><sub alias=\"Paul\">P</sub> is here.</speak>");
        assertThat(phones(sub)).contains("p ao l");
        SpeechProbe.Spoken spelled = speak(engine, "<speak><say-as interpret-as=\"spell\">cab</say-as></speak>");
        // c-a-b spelt: "see ay bee", not the word "cab" (k ae b).
        assertThat(phones(spelled)).contains("s iy").doesNotContain("k ae b");
    }
}

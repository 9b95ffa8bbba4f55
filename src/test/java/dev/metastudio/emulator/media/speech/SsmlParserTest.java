package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.speech.SpeechScript.Pause;
import dev.metastudio.emulator.media.speech.SpeechScript.Utterance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsmlParserTest {

    @Test
    void plainTextIsSplitIntoSentences() throws Exception {
        SpeechScript s = SsmlParser.parse("Hello there. It costs 3.5 dollars! Really? 你好。世界", false);
        assertThat(s.sentences()).extracting(SpeechScript.Sentence::display)
                .containsExactly("Hello there.", "It costs 3.5 dollars!", "Really?", "你好。", "世界");
    }

    @Test
    void breaksBecomePausesOfTheGivenLength() throws Exception {
        SpeechScript s = SsmlParser.parse("<speak>One<break time=\"1.5s\"/>two<break time=\"300ms\"/>three"
                + "<break strength=\"strong\"/>four</speak>", false);
        assertThat(s.sentences()).hasSize(1);
        assertThat(s.sentences().get(0).pieces()).containsExactly(new Utterance("One", 1.0), new Pause(1500),
                new Utterance("two", 1.0), new Pause(300), new Utterance("three", 1.0), new Pause(700),
                new Utterance("four", 1.0));
    }

    @Test
    void prosodySubSayAsPhonemeAndWord() throws Exception {
        SpeechScript s = SsmlParser.parse("<speak><prosody rate=\"150\">Quick words</prosody> and "
                + "<sub alias=\"World Wide Web\">WWW</sub> <say-as interpret-as=\"spell\">abc</say-as> "
                + "<say-as interpret-as=\"phone\">151 1234</say-as> <phoneme ph=\"tian1 qi4\">weather</phoneme> "
                + "<word>together</word>.</speak>", false);
        assertThat(s.sentences()).hasSize(1);
        SpeechScript.Sentence sentence = s.sentences().get(0);
        // The phoneme's word travels as a token the engine pronounces from ph; subtitles still show the word.
        assertThat(sentence.pieces()).containsExactly(new Utterance("Quick words", 1.5),
                new Utterance("and World Wide Web a b c 1 5 1 1 2 3 4 zubokada together .", 1.0,
                        List.of(new Pronunciation("zubokada", "weather", "tian1 qi4"))));
        assertThat(sentence.display()).isEqualTo("Quick words and WWW abc 151 1234 weather together.");
    }

    @Test
    void chineseDatesAreReadTheChineseWay() throws Exception {
        SpeechScript s = SsmlParser.parse("<speak><say-as interpret-as=\"date\">2022/3/8</say-as></speak>", true);
        assertThat(s.sentences().get(0).pieces()).containsExactly(new Utterance("2022年3月8日", 1.0));
    }

    @Test
    void invalidSsmlIsRejectedWithTheProblemNamed() {
        assertBad("<speak>Hello <emphasis>you</emphasis></speak>", "emphasis");
        assertBad("<speak>Hello", "malformed");
        assertBad("<speak>Wait<break time=\"20s\"/>now</speak>", "200ms..10s");
        assertBad("<speak>Wait<break time=\"soon\"/>now</speak>", "duration");
        assertBad("<speak><prosody rate=\"300\">fast</prosody></speak>", "50..200");
        assertBad("<speak><sub alias=\"x\">a<break/>b</sub></speak>", "only text");
        assertBad("<speak><say-as interpret-as=\"weather\">1</say-as></speak>", "interpret-as");
        assertBad("<speak><sub>a</sub></speak>", "alias");
        assertBad("<speak><break time=\"1s\"/></speak>", "nothing to speak");
        assertBad("<speak><!DOCTYPE x [<!ENTITY e \"boom\">]>&e;</speak>", "malformed");
    }

    private static void assertBad(String ssml, String mention) {
        assertThatThrownBy(() -> SsmlParser.parse(ssml, false))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MediaException.Reason.BAD_SSML);
                    assertThat(e.getMessage()).contains(mention);
                });
    }

    @Test
    void plainTextWithAngleBracketIsNotSsml() throws Exception {
        assertThat(SsmlParser.parse("1 < 2 is true.", false).sentences()).extracting(SpeechScript.Sentence::display)
                .isEqualTo(List.of("1 < 2 is true."));
    }
}

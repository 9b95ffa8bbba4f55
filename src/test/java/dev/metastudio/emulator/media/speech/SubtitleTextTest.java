package dev.metastudio.emulator.media.speech;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Subtitle cues. The service overview (L465): "Punctuation marks (such as ,;:!?...) in subtitles will be
 * automatically removed. If the punctuation mark ... is in the middle of a piece of text, a space is added ... Some
 * punctuation marks ("'"()~--) cannot be automatically removed." Issue 13 decides: those marks are where a sentence is
 * cut into cues, and the cue keeps them ("keep punctuation, never a chunk shorter than about 1 s unless the sentence
 * is").
 */
class SubtitleTextTest {

    private static List<String> texts(List<Cue> cues) {
        return cues.stream().map(Cue::text).toList();
    }

    @Test
    void theDocumentedMarksCutTheSentenceAndStayInTheText() {
        List<Cue> cues = SubtitleSplitter.split(0, 5,
                "First we go to the market, then we buy some apples; and finally: we cook dinner!");
        assertThat(texts(cues)).containsExactly("First we go to the market,", "then we buy some apples;",
                "and finally: we cook dinner!");
    }

    @Test
    void chineseMarksCutTooAndStay() {
        List<Cue> cues = SubtitleSplitter.split(0, 6, "大家好，我是虚拟主播，今天给大家介绍我们的新产品。");
        assertThat(texts(cues)).containsExactly("大家好，我是虚拟主播，", "今天给大家介绍我们的新产品。");
    }

    @Test
    void quotesBracketsTildesAndDashesStayWithTheirClause() {
        // The overview's marks that "cannot be automatically removed": a closing quote follows its comma.
        List<Cue> cues = SubtitleSplitter.split(0, 8,
                "He said \"we will go tomorrow,\" and (quietly) left ~ no word — really.");
        assertThat(texts(cues)).containsExactly("He said \"we will go tomorrow,\"",
                "and (quietly) left ~ no word — really.");
    }

    @Test
    void noCueIsShorterThanASecondUnlessTheSentenceIs() {
        // "Well," alone would last 0.3 s: it joins its neighbour.
        List<Cue> cues = SubtitleSplitter.split(2, 5, "Well, that was a long day at the office, I am tired.");
        assertThat(cues).allSatisfy(c -> assertThat(c.endSeconds() - c.startSeconds()).isGreaterThanOrEqualTo(1.0));
        assertThat(String.join(" ", texts(cues))).isEqualTo("Well, that was a long day at the office, I am tired.");
        assertThat(texts(cues).get(0)).startsWith("Well, that");

        List<Cue> hi = SubtitleSplitter.split(1, 1.4, "Hi, you!");
        assertThat(hi).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("Hi, you!");
            assertThat(c.startSeconds()).isEqualTo(1);
            assertThat(c.endSeconds()).isEqualTo(1.4);
        });
    }

    @Test
    void aLongClauseIsCutIntoEvenPiecesNeverLeavingOneWordAlone() {
        String text = "this is a rather long sentence that certainly does not fit on one subtitle line at all";
        List<Cue> cues = SubtitleSplitter.split(0, 6, text);
        assertThat(cues).hasSize(2);
        int a = SpeechSynthesizer.displayWidth(cues.get(0).text());
        int b = SpeechSynthesizer.displayWidth(cues.get(1).text());
        assertThat(Math.abs(a - b)).isLessThan(12);
        assertThat(cues).allSatisfy(c -> assertThat(c.text()).contains(" "));
        // A line just over the limit no longer leaves its last word for a fraction of a second.
        List<Cue> justOver = SubtitleSplitter.split(0, 3, "one two three four five six seven eight nine tenx");
        assertThat(justOver).allSatisfy(c -> assertThat(c.endSeconds() - c.startSeconds()).isGreaterThan(1.0));
        assertThat(justOver).allSatisfy(c -> assertThat(c.text()).contains(" "));
    }

    @Test
    void numbersKeepTheirSeparatorsAndAreNeverCut() {
        List<Cue> cues = SubtitleSplitter.split(0, 2, "It costs 1,000.50 at 12:30.");
        assertThat(texts(cues)).containsExactly("It costs 1,000.50 at 12:30.");
    }

    @Test
    void whiteSpaceIsOneSpace() {
        assertThat(SubtitleText.clean("  Hello,\n\tworld  ")).isEqualTo("Hello, world");
    }

    @Test
    void cuesFollowEachOtherAndFillTheSentence() {
        List<Cue> cues = SpeechSynthesizer.splitCue(1.0, 9.0,
                "Subtitles follow the voice, clause by clause, and together they last as long as the sentence does.");
        assertThat(cues).hasSizeGreaterThan(1);
        assertThat(cues.get(0).startSeconds()).isEqualTo(1.0);
        assertThat(cues.get(cues.size() - 1).endSeconds()).isCloseTo(9.0, within(1e-9));
        for (int i = 1; i < cues.size(); i++) {
            assertThat(cues.get(i).startSeconds()).isEqualTo(cues.get(i - 1).endSeconds());
        }
    }

    @Test
    void longSentencesBecomeSeveralCuesSharingTheTime() {
        List<Cue> cues = SpeechSynthesizer.splitCue(1.0, 5.0,
                "this is a rather long sentence that certainly does not fit on one subtitle line at all");
        assertThat(cues).hasSizeGreaterThan(1);
        assertThat(cues.get(0).startSeconds()).isEqualTo(1.0);
        assertThat(cues.get(cues.size() - 1).endSeconds()).isCloseTo(5.0, within(1e-9));
        for (int i = 1; i < cues.size(); i++) {
            assertThat(cues.get(i).startSeconds()).isEqualTo(cues.get(i - 1).endSeconds());
        }
        assertThat(String.join(" ", cues.stream().map(Cue::text).toList()))
                .isEqualTo("this is a rather long sentence that certainly does not fit on one subtitle line at all");
    }
}

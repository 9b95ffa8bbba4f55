package dev.metastudio.emulator.media.speech;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubtitleTextTest {

    @Test
    void punctuationInsideBecomesASpaceAndAtTheEndIsDropped() {
        assertThat(SubtitleText.clean("Hello, world; this: is it!")).isEqualTo("Hello world this is it");
        assertThat(SubtitleText.clean("Really?… Yes.")).isEqualTo("Really Yes");
        assertThat(SubtitleText.clean("大家好，我是虚拟主播。")).isEqualTo("大家好 我是虚拟主播");
    }

    @Test
    void quotesBracketsTildesAndDashesStay() {
        assertThat(SubtitleText.clean("\"Quote\" (aside) ~tilde~ — dash, “中文”")).isEqualTo(
                "\"Quote\" (aside) ~tilde~ — dash “中文”");
    }

    @Test
    void numbersKeepTheirSeparators() {
        assertThat(SubtitleText.clean("It costs 1,000.50 at 12:30.")).isEqualTo("It costs 1,000.50 at 12:30");
    }

    @Test
    void longSentencesBecomeSeveralCuesSharingTheTime() {
        List<Cue> cues = SpeechSynthesizer.splitCue(1.0, 5.0,
                "this is a rather long sentence that certainly does not fit on one subtitle line at all");
        assertThat(cues).hasSizeGreaterThan(1);
        assertThat(cues.get(0).startSeconds()).isEqualTo(1.0);
        assertThat(cues.get(cues.size() - 1).endSeconds()).isCloseTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
        for (int i = 1; i < cues.size(); i++) {
            assertThat(cues.get(i).startSeconds()).isEqualTo(cues.get(i - 1).endSeconds());
        }
        assertThat(String.join(" ", cues.stream().map(Cue::text).toList()))
                .isEqualTo("this is a rather long sentence that certainly does not fit on one subtitle line at all");
    }
}

package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaTestSupport;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaKind;
import dev.metastudio.emulator.media.probe.MediaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpeechSynthesisTest {

    private static final String MISSING_ESPEAK = "/nonexistent/bin/espeak-ng";

    @TempDir
    Path dir;

    private SpeechRenderer.Result speak(String espeak, String text, Voice voice, VoiceSettings settings,
                                        SpeechRenderer.Format format, String name) throws MediaException {
        return new SpeechRenderer(espeak, dir).render(text, voice, settings, format, dir.resolve(name), null);
    }

    @Test
    void englishGoesThroughFreeTtsWithNothingInstalled() throws Exception {
        SpeechEngines nothing = SpeechEngines.of(MISSING_ESPEAK, "/nonexistent/bin/festival", "/nonexistent/bin/flite");
        SpeechRenderer.Result r = SpeechRenderer.with(nothing, dir).render(
                "Hello everyone. This is a test of the speech engine.", Voice.of("EN", Sex.MALE),
                VoiceSettings.DEFAULT, SpeechRenderer.Format.WAV, dir.resolve("en.wav"), null);
        MediaInfo info = MediaProbe.probe(r.file());
        assertThat(info.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(info.durationSeconds()).isCloseTo(r.durationSeconds(), within(0.01)).isGreaterThan(1.5);
        short[] pcm = MediaTestSupport.audio(r.file());
        assertThat(MediaTestSupport.rms(pcm, 0, pcm.length)).isGreaterThan(500);
        assertThat(r.cues()).extracting(Cue::text).containsExactly("Hello everyone.",
                "This is a test of the speech engine.");
        assertThat(r.cues().get(0).endSeconds()).isLessThanOrEqualTo(r.cues().get(1).startSeconds());
        assertThat(r.cues().get(1).endSeconds()).isLessThanOrEqualTo(r.durationSeconds());
    }

    /** Mandarin is spoken by espeak-ng: without it installed this test fails saying so (it tests Mandarin, not the hint). */
    @Test
    void mandarinGoesThroughEspeak() throws Exception {
        SpeechProbe.requireEspeak();
        String text = "大家好，我是虚拟主播。今天天气很好！";
        Voice voice = Voice.of("CN", Sex.FEMALE);
        SpeechRenderer.Result r = speak(null, text, voice, VoiceSettings.DEFAULT, SpeechRenderer.Format.MP3, "zh.mp3");
        MediaInfo info = MediaProbe.probe(r.file());
        assertThat(info.audio().codec()).isEqualTo("mp3");
        assertThat(info.durationSeconds()).isGreaterThan(1.5);
        short[] pcm = MediaTestSupport.audio(r.file());
        assertThat(MediaTestSupport.rms(pcm, 0, pcm.length)).isGreaterThan(500);
        // Subtitles keep the punctuation (issue 13); a clause under a second joins its neighbour.
        assertThat(String.join("", r.cues().stream().map(Cue::text).toList())).isEqualTo(text);
        assertThat(r.cues()).last().extracting(Cue::text).isEqualTo("今天天气很好！");
    }

    @Test
    void chineseTextWithoutEspeakFailsWithTheInstallHint() {
        assertTtsUnavailable(MISSING_ESPEAK, "你好，世界。", Voice.of("EN", Sex.MALE));
        assertTtsUnavailable(MISSING_ESPEAK, "Bonjour tout le monde.", Voice.of("fr", Sex.FEMALE));
    }

    private void assertTtsUnavailable(String espeak, String text, Voice voice) {
        assertThatThrownBy(() -> speak(espeak, text, voice, VoiceSettings.DEFAULT, SpeechRenderer.Format.WAV, "x.wav"))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MediaException.Reason.TTS_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("apt-get install espeak-ng");
                });
    }

    @Test
    void ssmlBreaksLengthenTheAudio() throws Exception {
        Voice voice = Voice.of("EN", Sex.FEMALE);
        double plain = speak(null, "Hello world", voice, VoiceSettings.DEFAULT, SpeechRenderer.Format.WAV,
                "a.wav").durationSeconds();
        double paused = speak(null, "<speak>Hello<break time=\"2s\"/>world</speak>", voice, VoiceSettings.DEFAULT,
                SpeechRenderer.Format.WAV, "b.wav").durationSeconds();
        // Two utterances carry their own lead-in and tail silence, hence a little more than the 2 s break.
        assertThat(paused - plain).isBetween(1.9, 2.6);
    }

    @Test
    void speedPitchAndVolumeApply() throws Exception {
        Voice voice = Voice.of("EN", Sex.MALE);
        String text = "The quick brown fox jumps over the lazy dog.";
        SpeechRenderer.Result normal = speak(null, text, voice, VoiceSettings.DEFAULT, SpeechRenderer.Format.WAV,
                "n.wav");
        SpeechRenderer.Result fast = speak(null, text, voice, new VoiceSettings(200, 100, 140),
                SpeechRenderer.Format.WAV, "f.wav");
        SpeechRenderer.Result slow = speak(null, text, voice, new VoiceSettings(50, 100, 140),
                SpeechRenderer.Format.WAV, "s.wav");
        assertThat(fast.durationSeconds()).isLessThan(normal.durationSeconds() * 0.7);
        assertThat(slow.durationSeconds()).isGreaterThan(normal.durationSeconds() * 1.5);
        SpeechRenderer.Result quiet = speak(null, text, voice, new VoiceSettings(100, 100, 90),
                SpeechRenderer.Format.WAV, "q.wav");
        short[] n = MediaTestSupport.audio(normal.file());
        short[] q = MediaTestSupport.audio(quiet.file());
        assertThat(MediaTestSupport.rms(q, 0, q.length) / MediaTestSupport.rms(n, 0, n.length))
                .isCloseTo(90 / 140.0, within(0.03));
        assertThatThrownBy(() -> speak(null, text, voice, new VoiceSettings(100, 300, 140), SpeechRenderer.Format.WAV,
                "bad.wav")).isInstanceOfSatisfying(MediaException.class,
                e -> assertThat(e.reason()).isEqualTo(MediaException.Reason.INVALID_INPUT));
    }

    @Test
    void badSsmlNeverProducesAudio() {
        assertThatThrownBy(() -> speak(null, "<speak>Hi <voice name=\"x\">there</voice></speak>",
                Voice.of("EN", Sex.MALE), VoiceSettings.DEFAULT, SpeechRenderer.Format.WAV, "bad.wav"))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MediaException.Reason.BAD_SSML);
                    assertThat(e.getMessage()).contains("<voice>");
                });
        assertThat(dir.resolve("bad.wav")).doesNotExist();
    }
}

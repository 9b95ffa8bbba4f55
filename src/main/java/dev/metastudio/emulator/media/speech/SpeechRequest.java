package dev.metastudio.emulator.media.speech;

import java.util.List;

/**
 * One utterance for an engine.
 *
 * @param voice          the engine's own voice name ("cmu_us_slt_arctic_hts", "rms", "kevin16", "cmn-latn-pinyin+f3")
 * @param rate           speaking-rate factor, 1.0 = the voice's normal pace
 * @param pitch          pitch factor, 1.0 = the voice's natural pitch; an engine applies what it can natively and says
 *                       how much in {@link TtsEngine.Clip#appliedPitch()}, the rest is shifted afterwards
 * @param pronunciations what the tokens in the text stand for
 */
public record SpeechRequest(String text, String voice, double rate, double pitch, List<Pronunciation> pronunciations) {

    public SpeechRequest {
        pronunciations = List.copyOf(pronunciations);
    }

    /** The text with every token replaced by what the writer showed (for engines that cannot use a pronunciation). */
    public String shownText() {
        String t = text;
        for (Pronunciation p : pronunciations) {
            t = t.replace(p.token(), p.shown());
        }
        return t;
    }
}

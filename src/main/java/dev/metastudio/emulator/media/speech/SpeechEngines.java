package dev.metastudio.emulator.media.speech;

/** The engines a synthesizer may use; each is found by its program name or path (null = the usual name on PATH). */
public record SpeechEngines(FestivalEngine festival, FliteEngine flite, FreeTtsEngine freeTts, EspeakEngine espeak) {

    public static SpeechEngines of(String espeak, String festival, String flite) {
        return new SpeechEngines(new FestivalEngine(festival), new FliteEngine(flite), new FreeTtsEngine(),
                new EspeakEngine(espeak));
    }

    /** espeak-ng as configured, Festival and Flite from PATH. */
    public static SpeechEngines onPath(String espeak) {
        return of(espeak, null, null);
    }
}

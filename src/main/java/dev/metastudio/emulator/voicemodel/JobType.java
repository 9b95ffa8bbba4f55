package dev.metastudio.emulator.voicemodel;

/**
 * The editions (reference 9.4 job_type): BASIC 20 sentences (x.wav and x.txt, x = 0-19), MIDDLE 100 (x = 0-99),
 * ADVANCE one long recording (only voice files in its package). THIRD_PARTY, THIRD_PARTY_LJZN and FLEXUS are
 * accepted as list filters; no API here creates them.
 */
enum JobType {
    BASIC(20), MIDDLE(100), ADVANCE(0), THIRD_PARTY(0), THIRD_PARTY_LJZN(0), FLEXUS(0);

    private final int sentences;

    JobType(int sentences) {
        this.sentences = sentences;
    }

    /** The number of sentences (each a WAV with its TXT), 0 for the long-recording edition. */
    int sentences() {
        return sentences;
    }

    boolean longRecording() {
        return sentences == 0;
    }

    /** SEGMENT upload URLs handed out: one per sentence, one for the long recording. */
    int segments() {
        return longRecording() ? 1 : sentences;
    }
}

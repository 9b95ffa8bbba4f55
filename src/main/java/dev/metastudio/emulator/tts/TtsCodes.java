package dev.metastudio.emulator.tts;

/** The TTS chapter's codes (reference 10 and 11.2): its generic ones have nine digits. */
final class TtsCodes {
    static final String INVALID_PARAMETER = "MSS.000000003";
    /** "MSS.000000002: internal error" (reference 10.2): also a preview whose workers kept dying. */
    static final String INTERNAL_ERROR = "MSS.000000002";
    static final String UNKNOWN_TASK = "MSS.20050013";
    static final String TTS_FAILED = "MSS.20050034";
    /** L16717 "Generate the preview audio failed.": the speech was made but the preview file could not be. */
    static final String PREVIEW_AUDIO_FAILED = "MSS.20050012";
    static final String TOO_MANY_PREVIEWS = "MSS.60010010";

    private TtsCodes() {
    }
}

package dev.metastudio.emulator.video;

/** The video production APIs' and workers' documented error codes (reference 11.2). */
public final class VideoCodes {
    public static final String DUPLICATE_NAME = "MSS.20010008";
    public static final String TOO_MANY_TASKS = "MSS.20010011";
    /** HTTP 500, as the reference documents it, for cancelling a job that is not WAITING. */
    public static final String NOT_WAITING = "MSS.20010048";
    public static final String AUDIO_TOO_LARGE = "MSS.20010105";
    /**
     * L16974 "A non-2D model is used." (HTTP 500): the job's script has model_asset_type HUMAN_MODEL_3D and the
     * emulator renders no 3D human, so such a job fails with this code.
     */
    public static final String NON_2D_MODEL = "MSS.20010098";
    public static final String FILE_MISSING = "MSS.45000001";
    public static final String UNSUPPORTED_ASSET = "MSS.45000004";
    public static final String UNSUPPORTED_IMAGE = "MSS.45000005";
    public static final String DOWNLOAD_FAILED = "MSS.45000007";
    public static final String TTS_ERROR = "MSS.45000016";
    public static final String IMAGE_OVER_4K = "MSS.45000020";
    /** Undefined internal error: also a job whose workers kept dying (its attempts used up). */
    public static final String INTERNAL = "MSS.45001000";

    private VideoCodes() {
    }
}

package dev.metastudio.emulator.video.render;

import dev.metastudio.emulator.job.JobFailure;
import dev.metastudio.emulator.media.MediaException;

/** The media engine's failures as the documented video worker codes (reference 11.2, MSS.45...). */
public final class MediaFailures {
    public static final String FILE_MISSING = "MSS.45000001";
    public static final String UNSUPPORTED_ASSET = "MSS.45000004";
    public static final String UNSUPPORTED_IMAGE = "MSS.45000005";
    public static final String DOWNLOAD_FAILED = "MSS.45000007";
    public static final String TTS_ERROR = "MSS.45000016";
    public static final String IMAGE_OVER_4K = "MSS.45000020";
    public static final String INTERNAL = "MSS.45001000";

    private MediaFailures() {
    }

    public static JobFailure of(MediaException e) {
        String code = switch (e.reason()) {
            case TTS_UNAVAILABLE, TTS_FAILED, BAD_SSML -> TTS_ERROR;
            case IMAGE_TOO_LARGE -> IMAGE_OVER_4K;
            case FILE_MISSING -> FILE_MISSING;
            case UNSUPPORTED_MEDIA, DECODE_FAILED, INVALID_INPUT -> UNSUPPORTED_ASSET;
            case ENCODE_FAILED, INTERNAL, CANCELLED -> INTERNAL;
        };
        return new JobFailure(code, e.getMessage(), e);
    }
}

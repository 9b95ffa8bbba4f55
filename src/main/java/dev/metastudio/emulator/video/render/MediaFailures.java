package dev.metastudio.emulator.video.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.video.VideoCodes;
import dev.metastudio.emulator.work.WorkFailure;

/** The media engine's failures as the documented video worker codes (reference 11.2, MSS.45...). */
final class MediaFailures {
    private MediaFailures() {
    }

    static WorkFailure of(MediaException e) {
        String code = switch (e.reason()) {
            case TTS_UNAVAILABLE, TTS_FAILED, BAD_SSML -> VideoCodes.TTS_ERROR;
            case IMAGE_TOO_LARGE -> VideoCodes.IMAGE_OVER_4K;
            case FILE_MISSING -> VideoCodes.FILE_MISSING;
            case UNSUPPORTED_MEDIA, DECODE_FAILED, INVALID_INPUT -> VideoCodes.UNSUPPORTED_ASSET;
            case ENCODE_FAILED, INTERNAL, CANCELLED -> VideoCodes.INTERNAL;
        };
        return new WorkFailure(code, e.getMessage(), e);
    }
}

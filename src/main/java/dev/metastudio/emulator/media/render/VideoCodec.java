package dev.metastudio.emulator.media.render;

/** VideoConfig.codec: H264 gives MP4 (H.264 + AAC), VP8 gives WebM (VP8 + Opus). */
public enum VideoCodec {
    H264("mp4"),
    VP8("webm");

    private final String extension;

    VideoCodec(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}

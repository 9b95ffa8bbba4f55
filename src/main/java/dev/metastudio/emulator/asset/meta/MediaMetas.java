package dev.metastudio.emulator.asset.meta;

/** The automatically extracted metas of media assets (reference Tables 4-51 to 4-53). */
public final class MediaMetas {
    private MediaMetas() {
    }

    public enum Mode { Horizontal, Vertical }

    public enum TranscodingStatus { WAITING, TRANSCODING, FAILED, SUCCEEDED }

    public record ErrorInfo(String errorCode, String errorMsg) {
    }

    public record ImageMeta(String codec, Integer width, Integer height, Long size, Mode mode, String frameRate,
                            Integer duration, ErrorInfo errorInfo) {
    }

    public record VideoMeta(String videoCodec, Integer width, Integer height, String frameRate, Integer videoBitRate,
                            Integer duration, String audioCodec, Integer audioBitRate, Integer audioChannels,
                            Integer sample, Mode mode, TranscodingStatus videoTranscodingStatus, ErrorInfo errorInfo) {
    }

    public record AudioMeta(Integer duration, String audioCodec, Integer audioBitRate, Integer audioChannels,
                            Integer sample, ErrorInfo errorInfo) {
    }
}

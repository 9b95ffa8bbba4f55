package dev.metastudio.emulator.composition;

/** LayerConfig (reference Table 5-14): a HUMAN, IMAGE, VIDEO or TEXT layer placed in the 1920x1080/1080x1920 layout. */
public record LayerConfig(
        LayerType layerType,
        String assetId,
        String groupId,
        Position position,
        Size size,
        Rotation rotation,
        ImageLayer imageConfig,
        VideoLayer videoConfig,
        TextLayer textConfig) {

    public enum LayerType { HUMAN, IMAGE, VIDEO, TEXT }

    public record Position(Integer dx, Integer dy, Integer layerIndex) {
    }

    public record Size(Integer width, Integer height) {
    }

    public record Rotation(Integer angle) {
    }

    public record ImageLayer(String imageUrl) {
    }

    /** loop_count -1 loops until the scene ends, 0 plays once. */
    public record VideoLayer(String videoUrl, String videoCoverUrl, Integer loopCount, Integer videoSound,
                             Boolean isPlayTheEntireVideo) {
    }

    /** text_context is Base64 (reference: "must be Base64"). */
    public record TextLayer(String textContext, String fontName, Integer fontSize, String fontColor) {
    }
}

package dev.metastudio.emulator.media.render;

/**
 * LayerPositionConfig + LayerSizeConfig in layout pixels. A width or height of 0 means "not given": the layer's
 * natural size is used (keeping its aspect ratio when only one side is given). Layers are stacked by layerIndex,
 * equal indexes in list order.
 */
public record LayerBox(int dx, int dy, int width, int height, int layerIndex) {
}

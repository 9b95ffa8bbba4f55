package dev.metastudio.emulator.media.probe;

/** For images: codec = image format name ("png", "jpeg", "gif", "bmp", "webp"), frameRate 0, bitrate 0. */
public record VideoTrack(String codec, int width, int height, double frameRate, String pixelFormat, long bitrate) {
}

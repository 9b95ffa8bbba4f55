package dev.metastudio.emulator.media.probe;

public record AudioTrack(String codec, int sampleRate, int channels, long bitrate) {
}

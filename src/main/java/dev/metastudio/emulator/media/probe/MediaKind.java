package dev.metastudio.emulator.media.probe;

public enum MediaKind { AUDIO, VIDEO, IMAGE }

package dev.metastudio.emulator.media.speech;

public enum Sex { MALE, FEMALE, UNKNOWN }

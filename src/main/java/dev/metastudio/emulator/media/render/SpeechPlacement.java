package dev.metastudio.emulator.media.render;

/**
 * Where new speech goes in a live stream's queue: APPEND at the end; INSERT right after what is playing; PLAY_NOW
 * instead of it (what plays stops at the next frame, the new speech starts as soon as its first sentence is spoken).
 */
public enum SpeechPlacement { APPEND, INSERT, PLAY_NOW }

package dev.metastudio.emulator.video.model;

/** ActionConfig: the interval between avatar actions; kept and answered (the emulated presenters do not gesture). */
public record ActionConfig(Float actionInterval) {
}

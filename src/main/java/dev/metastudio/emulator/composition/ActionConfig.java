package dev.metastudio.emulator.composition;

/** ActionConfig: the interval between avatar actions; kept and answered (the emulated presenters do not gesture). */
public record ActionConfig(Float actionInterval) {
}

package dev.metastudio.emulator.media.render;

/**
 * SOFTWARE always uses libopenh264 / libvpx. HARDWARE_IF_AVAILABLE first tries NVENC for H.264 and falls back to
 * software when the encoder cannot open (no GPU, no driver).
 */
public enum EncoderPreference { SOFTWARE, HARDWARE_IF_AVAILABLE }

package dev.metastudio.emulator.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code metastudio.media.*}: where the media engine finds espeak-ng (for the non-English voices), settable as
 * {@code METASTUDIO_MEDIA_ESPEAK}.
 */
@ConfigurationProperties("metastudio.media")
public record MediaSettings(String espeak) {
    public MediaSettings {
        espeak = espeak == null || espeak.isBlank() ? "espeak-ng" : espeak.trim();
    }
}

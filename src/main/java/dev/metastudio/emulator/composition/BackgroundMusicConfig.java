package dev.metastudio.emulator.composition;

/** BackgroundMusicConfig (reference Table 5-7): a MUSIC or AUDIO asset and its volume 0-100 (default 100). */
public record BackgroundMusicConfig(String musicAssetId, Integer volume) {
}

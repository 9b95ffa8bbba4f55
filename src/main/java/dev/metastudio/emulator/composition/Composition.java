package dev.metastudio.emulator.composition;

import java.util.List;

/**
 * What a video is made of, whether it comes from a saved script or straight from a job request: the model, the
 * voice, the output settings, the scenes and the music.
 */
public record Composition(String modelAssetId, VoiceConfig voiceConfig, VideoConfig videoConfig,
                          List<ShootScriptItem> shootScripts, BackgroundMusicConfig backgroundMusicConfig) {
}

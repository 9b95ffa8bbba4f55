package dev.metastudio.emulator.media.probe;

/**
 * What a probe learned about a file. {@code video} is null for audio, {@code audio} is null when there is no sound
 * (always for images). {@code container} is FFmpeg's demuxer name for audio/video (e.g. "mov,mp4,m4a,3gp,3g2,mj2",
 * "matroska,webm", "mp3", "wav") and the image format name for images. Images have a duration of 0.
 */
public record MediaInfo(MediaKind kind, String container, double durationSeconds, VideoTrack video, AudioTrack audio) {
}

package dev.metastudio.emulator.asset.library;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** The system background music: short loops synthesised from chords, written as WAV (a documented music format). */
final class GeneratedMusic {
    static final int SAMPLE_RATE = 22_050;

    record Track(String key, String name, int seconds, double bpm, double[][] chords) {
    }

    static final List<Track> ALL = List.of(
            new Track("calm-piano", "Calm Piano", 32, 72, new double[][] {
                    {261.63, 329.63, 392.00}, {220.00, 261.63, 329.63}, {174.61, 220.00, 261.63}, {196.00, 246.94, 293.66}}),
            new Track("bright-pulse", "Bright Pulse", 24, 112, new double[][] {
                    {293.66, 369.99, 440.00}, {246.94, 293.66, 369.99}, {196.00, 246.94, 293.66}, {220.00, 277.18, 329.63}}));

    private GeneratedMusic() {
    }

    static void writeWav(Track track, Path out) throws IOException {
        int total = track.seconds() * SAMPLE_RATE;
        byte[] pcm = new byte[total * 2];
        double beat = 60.0 / track.bpm();
        for (int i = 0; i < total; i++) {
            double t = (double) i / SAMPLE_RATE;
            int bar = (int) (t / (beat * 4));
            double[] chord = track.chords()[bar % track.chords().length];
            double inBeat = t % beat;
            int step = (int) (t / beat) % chord.length;
            // An arpeggiated note with a piano-like decay over a quiet sustained pad.
            double note = Math.sin(2 * Math.PI * chord[step] * t) * Math.exp(-3.0 * inBeat);
            double pad = 0;
            for (double f : chord) {
                pad += Math.sin(2 * Math.PI * f / 2 * t) / chord.length;
            }
            double fade = Math.min(1.0, Math.min(t / 1.5, (track.seconds() - t) / 1.5));
            double sample = (0.45 * note + 0.18 * pad) * fade;
            short value = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample * 26000));
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format, total)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out.toFile());
        }
    }
}

package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.audio.AudioDecoder;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.audio.PcmReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sound of one scene, one video frame (1920 samples) at a time: its speech, the sound of its video layers (looping
 * with their picture) and the background music, which runs on across scenes.
 */
final class AudioMixer implements AutoCloseable {

    /** Background music that loops for the whole video. */
    static final class Music implements AutoCloseable {
        private final AudioDecoder decoder;
        private final double gain;

        Music(Path file, int volumePercent) throws MediaException {
            this.decoder = AudioDecoder.open(file);
            this.gain = Math.max(0, Math.min(100, volumePercent)) / 100.0;
        }

        void addTo(double[] mix, short[] scratch) throws MediaException {
            int filled = decoder.read(scratch, scratch.length);
            while (filled < scratch.length) {
                decoder.rewind();
                short[] rest = new short[scratch.length - filled];
                int got = decoder.read(rest, rest.length);
                if (got == 0) {
                    break;
                }
                System.arraycopy(rest, 0, scratch, filled, got);
                filled += got;
            }
            for (int i = 0; i < mix.length; i++) {
                mix[i] += scratch[i] * gain;
            }
        }

        @Override
        public void close() {
            decoder.close();
        }
    }

    private record VideoSound(AudioDecoder decoder, int plays, int[] played) {
    }

    private final PcmReader speech;
    private final Music music;
    private final List<VideoSound> videos = new ArrayList<>();
    private final short[] scratch = new short[Pcm.SAMPLES_PER_FRAME];
    private final double[] mix = new double[Pcm.SAMPLES_PER_FRAME];

    AudioMixer(Path speechPcm, Music music) throws MediaException {
        this.speech = new PcmReader(speechPcm);
        this.music = music;
    }

    /** Adds a video layer's sound; loopCount as for the picture. A video without sound adds nothing. */
    void addVideo(Path file, int loopCount) throws MediaException {
        AudioDecoder decoder = AudioDecoder.openAllowingSilence(file);
        if (!decoder.hasAudio()) {
            decoder.close();
            return;
        }
        videos.add(new VideoSound(decoder, loopCount < 0 ? Integer.MAX_VALUE : loopCount + 1, new int[]{1}));
    }

    void next(short[] out) throws MediaException {
        speech.read(scratch, scratch.length);
        for (int i = 0; i < mix.length; i++) {
            mix[i] = scratch[i];
        }
        for (VideoSound v : videos) {
            int filled = v.decoder().read(scratch, scratch.length);
            for (int i = 0; i < filled; i++) {
                mix[i] += scratch[i];
            }
            if (filled < scratch.length && v.played()[0] < v.plays()) {
                v.played()[0]++;
                v.decoder().rewind();
                int rest = v.decoder().read(scratch, scratch.length - filled);
                for (int i = 0; i < rest; i++) {
                    mix[filled + i] += scratch[i];
                }
            }
        }
        if (music != null) {
            music.addTo(mix, scratch);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Pcm.softClip(mix[i]);
        }
    }

    @Override
    public void close() {
        speech.close();
        for (VideoSound v : videos) {
            v.decoder().close();
        }
    }
}

package dev.metastudio.emulator.media.speech;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;

/**
 * English speech in pure Java (FreeTTS kevin16, 16 kHz), so English works with nothing installed. FreeTTS voices keep
 * state while speaking, so one shared voice is used under a lock.
 */
public final class FreeTtsEngine implements TtsEngine {

    public static final String KEVIN = "kevin16";
    private static final float BASE_RATE_WPM = 150f;
    private static final float BASE_PITCH_HZ = 100f;

    private static final Object LOCK = new Object();
    private static Voice voice;
    private static CapturingPlayer player;

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Clip synthesize(String text, String voiceName, double rate, double pitch) throws MediaException {
        if (!KEVIN.equals(voiceName)) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "FreeTTS has no voice " + voiceName);
        }
        synchronized (LOCK) {
            Voice v = voice();
            v.setRate((float) (BASE_RATE_WPM * rate));
            v.setPitch((float) (BASE_PITCH_HZ * pitch));
            // A higher voice keeps its intonation only if the range scales with it.
            v.setPitchRange((float) (11 * pitch));
            player.reset();
            if (!v.speak(text) || player.format == null) {
                throw new MediaException(Reason.TTS_FAILED, "FreeTTS could not speak: " + abbreviate(text));
            }
            return new Clip(player.samples(), (int) player.format.getSampleRate());
        }
    }

    private static Voice voice() throws MediaException {
        if (voice == null) {
            for (Voice v : new KevinVoiceDirectory().getVoices()) {
                if (KEVIN.equals(v.getName())) {
                    v.allocate();
                    player = new CapturingPlayer();
                    v.setAudioPlayer(player);
                    voice = v;
                }
            }
            if (voice == null) {
                throw new MediaException(Reason.TTS_UNAVAILABLE, "the FreeTTS kevin16 voice is missing from the class path");
            }
        }
        return voice;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** Collects what FreeTTS would play. */
    private static final class CapturingPlayer implements AudioPlayer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private AudioFormat format;
        private float volume = 1f;

        short[] samples() {
            byte[] b = bytes.toByteArray();
            boolean bigEndian = format.isBigEndian();
            short[] out = new short[b.length / 2];
            for (int i = 0; i < out.length; i++) {
                int hi = bigEndian ? b[2 * i] : b[2 * i + 1];
                int lo = bigEndian ? b[2 * i + 1] : b[2 * i];
                out[i] = (short) ((hi << 8) | (lo & 0xff));
            }
            return out;
        }

        @Override
        public void setAudioFormat(AudioFormat f) {
            format = f;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void reset() {
            bytes.reset();
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void begin(int size) {
        }

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }

        @Override
        public float getVolume() {
            return volume;
        }

        @Override
        public void setVolume(float v) {
            volume = v;
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {
        }

        @Override
        public void startFirstSampleTimer() {
        }

        @Override
        public boolean write(byte[] data) {
            bytes.write(data, 0, data.length);
            return true;
        }

        @Override
        public boolean write(byte[] data, int offset, int length) {
            bytes.write(data, offset, length);
            return true;
        }

        @Override
        public void showMetrics() {
        }
    }
}

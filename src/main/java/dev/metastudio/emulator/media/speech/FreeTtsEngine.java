package dev.metastudio.emulator.media.speech;

import com.sun.speech.freetts.Item;
import com.sun.speech.freetts.Relation;
import com.sun.speech.freetts.Utterance;
import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.lexicon.Lexicon;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import dev.metastudio.emulator.media.lipsync.PhoneVisemes;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * English speech in pure Java (FreeTTS kevin16, 16 kHz), so English works with nothing installed: the fallback when
 * neither Festival nor Flite is there. Pitch is native (FreeTTS targets a mean F0 in Hz), a {@code <phoneme>} becomes a
 * lexicon addendum for the utterance, and the segments of each FreeTTS utterance give the phones. FreeTTS voices keep
 * state while speaking, so one shared voice is used under a lock.
 */
public final class FreeTtsEngine implements TtsEngine {

    public static final String KEVIN = "kevin16";
    private static final float BASE_RATE_WPM = 150f;
    private static final float BASE_PITCH_HZ = 100f;

    private static final Object LOCK = new Object();
    private static Voice voice;
    private static CapturingPlayer player;
    private static final List<PhoneTiming> PHONES = new ArrayList<>();

    @Override
    public String name() {
        return "freetts";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String installHint() {
        return "nothing to install (FreeTTS is part of the emulator)";
    }

    @Override
    public Clip synthesize(SpeechRequest request) throws MediaException {
        if (!KEVIN.equals(request.voice())) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "FreeTTS has no voice " + request.voice());
        }
        synchronized (LOCK) {
            Voice v = voice();
            v.setRate((float) (BASE_RATE_WPM * request.rate()));
            v.setPitch((float) (BASE_PITCH_HZ * request.pitch()));
            // A higher voice keeps its intonation only if the range scales with it.
            v.setPitchRange((float) (11 * request.pitch()));
            player.reset();
            PHONES.clear();
            Lexicon lexicon = v.getLexicon();
            String text = request.text();
            List<String> added = new ArrayList<>();
            for (Pronunciation p : request.pronunciations()) {
                if (p.kind() == Pronunciation.Kind.ARPABET) {
                    lexicon.addAddendum(p.token(), null, p.arpabet().toArray(String[]::new));
                    added.add(p.token());
                } else {
                    text = text.replace(p.token(), p.shown());
                }
            }
            try {
                String spoken = EnglishText.ascii(text);
                if (!v.speak(spoken) || player.format == null) {
                    throw new MediaException(Reason.TTS_FAILED, "FreeTTS could not speak: " + abbreviate(spoken));
                }
            } finally {
                added.forEach(word -> lexicon.removeAddendum(word, null));
            }
            return new Clip(player.samples(), (int) player.format.getSampleRate(), PHONES, request.pitch());
        }
    }

    private static Voice voice() throws MediaException {
        if (voice == null) {
            for (Voice v : new KevinVoiceDirectory().getVoices()) {
                if (KEVIN.equals(v.getName())) {
                    v.allocate();
                    v.getUtteranceProcessors().add(new PhoneRecorder());
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

    /**
     * Runs after FreeTTS has timed an utterance and before its audio is played: a text of several sentences is several
     * utterances, each timed from zero, so each is placed after the audio already captured.
     */
    private static final class PhoneRecorder implements UtteranceProcessor {
        @Override
        public void processUtterance(Utterance utterance) {
            Relation segments = utterance.getRelation(Relation.SEGMENT);
            if (segments == null || player.format == null && player.bytes.size() > 0) {
                return;
            }
            double offset = player.format == null ? 0
                    : player.bytes.size() / 2.0 / player.format.getSampleRate();
            double start = 0;
            for (Item item = segments.getHead(); item != null; item = item.getNext()) {
                String phone = item.getFeatures().getString("name");
                double end = item.getFeatures().getFloat("end");
                if (end >= start) {
                    PHONES.add(new PhoneTiming(phone, PhoneVisemes.arpabet(phone), offset + start, offset + end));
                    start = end;
                }
            }
        }
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

package dev.metastudio.emulator.media.speech;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import dev.metastudio.emulator.media.lipsync.PhoneVisemes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * libespeak-ng (installed with the espeak-ng package) called in process, because only the library reports phonemes
 * with their sample positions: the command line prints no timing for its own voices. The library keeps global state,
 * so every call runs under one lock. Phoneme names come in IPA (so one table maps every language to mouth shapes).
 */
final class EspeakLibrary {

    interface Api extends Library {
        int espeak_Initialize(int output, int bufferMillis, String path, int options);

        void espeak_SetSynthCallback(SynthCallback callback);

        int espeak_SetVoiceByName(String name);

        int espeak_SetParameter(int parameter, int value, int relative);

        int espeak_Synth(Pointer text, NativeLong size, int position, int positionType, int endPosition, int flags,
                         Pointer uniqueIdentifier, Pointer userData);

        int espeak_Synchronize();

        Pointer espeak_TextToPhonemes(PointerByReference text, int textMode, int phonemeMode);
    }

    interface SynthCallback extends Callback {
        int invoke(Pointer wav, int samples, Pointer events);
    }

    /** Samples and phones of one {@link #synthesize} call. */
    record Result(short[] samples, int sampleRate, List<PhoneTiming> phones) {
    }

    private static final int AUDIO_OUTPUT_SYNCHRONOUS = 2;
    private static final int INITIALIZE_PHONEME_EVENTS = 0x0001;
    private static final int INITIALIZE_PHONEME_IPA = 0x0002;
    private static final int INITIALIZE_DONT_EXIT = 0x8000;
    private static final int CHARS_UTF8 = 1;
    private static final int PHONEMES = 0x100;
    private static final int POS_CHARACTER = 1;
    private static final int RATE = 1;
    private static final int PITCH = 3;
    private static final int EVENT_END_OF_LIST = 0;
    private static final int EVENT_PHONEME = 7;
    /** espeak_EVENT: six ints, a user-data pointer, then an 8-byte union holding the phoneme name. */
    private static final int EVENT_NAME_OFFSET = 24 + Native.POINTER_SIZE;
    private static final int EVENT_SIZE = EVENT_NAME_OFFSET + 8;

    private static final Object LOCK = new Object();
    private static volatile EspeakLibrary instance;
    private static volatile String loadFailure;

    private final Api api;
    private final int sampleRate;
    private final Collector collector = new Collector();

    private EspeakLibrary(Api api, int sampleRate) {
        this.api = api;
        this.sampleRate = sampleRate;
        api.espeak_SetSynthCallback(collector);
    }

    /** The library, or null when it cannot be loaded here (the engine then runs the espeak-ng program instead). */
    static EspeakLibrary get() {
        if (instance == null && loadFailure == null) {
            synchronized (LOCK) {
                if (instance == null && loadFailure == null) {
                    instance = load();
                }
            }
        }
        return instance;
    }

    private static EspeakLibrary load() {
        for (String name : List.of("espeak-ng", "libespeak-ng.so.1")) {
            try {
                Api api = Native.load(name, Api.class);
                int rate = api.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, null,
                        INITIALIZE_PHONEME_EVENTS | INITIALIZE_PHONEME_IPA | INITIALIZE_DONT_EXIT);
                if (rate > 0) {
                    return new EspeakLibrary(api, rate);
                }
                loadFailure = "espeak_Initialize failed (" + rate + ")";
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                loadFailure = e.getMessage();
            }
        }
        return null;
    }

    /**
     * @param wpm   words per minute (espeak's 80..450)
     * @param pitch espeak's base pitch 0..99
     */
    Result synthesize(String text, String voice, int wpm, int pitch, boolean phonemeInput) throws MediaException {
        synchronized (LOCK) {
            select(voice);
            api.espeak_SetParameter(RATE, wpm, 0);
            api.espeak_SetParameter(PITCH, pitch, 0);
            byte[] utf8 = (text + "\0").getBytes(StandardCharsets.UTF_8);
            Memory memory = new Memory(utf8.length);
            memory.write(0, utf8, 0, utf8.length);
            collector.reset();
            int flags = CHARS_UTF8 | (phonemeInput ? PHONEMES : 0);
            int status = api.espeak_Synth(memory, new NativeLong(utf8.length), 0, POS_CHARACTER, 0, flags, null, null);
            api.espeak_Synchronize();
            if (status != 0) {
                throw new MediaException(Reason.TTS_FAILED, "espeak-ng could not speak (error " + status + ")");
            }
            return new Result(collector.samples(), sampleRate, collector.phones(sampleRate));
        }
    }

    /**
     * The phoneme transcription (espeak's own mnemonics, with Mandarin tones as Chao digits: "n'i214 X'Au214"), one
     * string per clause.
     */
    List<String> phonemes(String text, String voice) throws MediaException {
        synchronized (LOCK) {
            select(voice);
            byte[] utf8 = (text + "\0").getBytes(StandardCharsets.UTF_8);
            Memory memory = new Memory(utf8.length);
            memory.write(0, utf8, 0, utf8.length);
            PointerByReference cursor = new PointerByReference(memory);
            List<String> clauses = new ArrayList<>();
            while (cursor.getValue() != null && clauses.size() < 10_000) {
                Pointer out = api.espeak_TextToPhonemes(cursor, CHARS_UTF8, 0);
                if (out == null) {
                    break;
                }
                clauses.add(out.getString(0, "UTF-8"));
            }
            return clauses;
        }
    }

    private void select(String voice) throws MediaException {
        if (api.espeak_SetVoiceByName(voice) != 0) {
            throw new MediaException(Reason.TTS_UNAVAILABLE, "espeak-ng has no voice " + voice
                    + "; install espeak-ng-data");
        }
    }

    /** What the synthesis callback hands over: sample blocks and phoneme events with their sample positions. */
    private static final class Collector implements SynthCallback {
        private short[] samples = new short[1 << 16];
        private int count;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();

        void reset() {
            count = 0;
            names.clear();
            positions.clear();
        }

        @Override
        public int invoke(Pointer wav, int n, Pointer events) {
            if (wav != null && n > 0) {
                if (count + n > samples.length) {
                    samples = java.util.Arrays.copyOf(samples, Math.max(2 * samples.length, count + n));
                }
                wav.read(0, samples, count, n);
                count += n;
            }
            if (events != null) {
                for (long off = 0; ; off += EVENT_SIZE) {
                    int type = events.getInt(off);
                    if (type == EVENT_END_OF_LIST) {
                        break;
                    }
                    if (type == EVENT_PHONEME) {
                        byte[] raw = events.getByteArray(off + EVENT_NAME_OFFSET, 8);
                        int len = 0;
                        while (len < raw.length && raw[len] != 0) {
                            len++;
                        }
                        names.add(new String(raw, 0, len, StandardCharsets.UTF_8));
                        positions.add(events.getInt(off + 20));
                    }
                }
            }
            return 0;
        }

        short[] samples() {
            return java.util.Arrays.copyOf(samples, count);
        }

        /** Each phoneme lasts until the next one starts; the last until the end of the audio. */
        List<PhoneTiming> phones(int rate) {
            List<PhoneTiming> phones = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                int start = Math.min(positions.get(i), count);
                int end = i + 1 < names.size() ? Math.min(Math.max(start, positions.get(i + 1)), count) : count;
                String name = names.get(i);
                phones.add(new PhoneTiming(name, PhoneVisemes.ipa(name), start / (double) rate, end / (double) rate));
            }
            return phones;
        }
    }
}

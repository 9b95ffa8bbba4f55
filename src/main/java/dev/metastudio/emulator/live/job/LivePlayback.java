package dev.metastudio.emulator.live.job;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.render.LiveComposition;
import dev.metastudio.emulator.media.render.SpeechPlacement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The script on air: paragraphs queued on the composition one ahead of the one playing, round after round as the
 * play policy says (repeat_count -1 forever, n: n + 1 rounds; random_play_mode from the second round), and the
 * inserted speech of commands and interaction replies. All methods run on the runner's thread except
 * {@link #events()}, whose calls (on the composing thread) are only queued here and handled by {@link #poll}.
 */
final class LivePlayback {

    /** What the runner reports to the outside (callbacks, command results). */
    interface Listener {
        default void paragraphStarted(LiveConfig.SceneScript scene, LiveConfig.Paragraph paragraph) {
        }

        default void insertStarted(String commandId, long latencyFrames) {
        }

        default void insertFinished(String commandId, boolean interrupted) {
        }
    }

    /** One paragraph of a round. */
    record Slot(int scene, int paragraph) {
    }

    private record Event(long utterance, long frame, long requestedAt, boolean start, boolean interrupted) {
    }

    private final LiveComposition live;
    private final Listener listener;
    private final Random random = new Random();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final Map<Long, Slot> paragraphs = new ConcurrentHashMap<>();
    private final Map<Long, String> inserts = new ConcurrentHashMap<>();
    private final Map<String, Long> insertsByCommand = new ConcurrentHashMap<>();
    private volatile LiveConfig config;
    private volatile List<LiveSpecResolver.SceneVoice> voices;
    private List<Slot> round = List.of();
    private int roundNumber;
    private int next;
    /** Paragraph utterances queued or playing (at most two: the one playing and the next). */
    private final List<Long> queued = new ArrayList<>();
    private volatile Slot current;
    private boolean ended;
    private volatile MediaException lastFailure;

    LivePlayback(LiveComposition live, LiveConfig config, List<LiveSpecResolver.SceneVoice> voices,
                 Listener listener) {
        this.live = live;
        this.config = config;
        this.voices = voices;
        this.listener = listener;
        this.round = firstRound(config);
    }

    /** For {@link LiveComposition#start}: only queues what happens (the composing thread must not wait). */
    static LiveComposition.Events events(java.util.function.Supplier<LivePlayback> playback) {
        return new LiveComposition.Events() {
            @Override
            public void started(long utterance, long frame, long requestedAt) {
                LivePlayback p = playback.get();
                if (p != null) {
                    p.events.add(new Event(utterance, frame, requestedAt, true, false));
                }
            }

            @Override
            public void ended(long utterance, long frame, boolean interrupted) {
                LivePlayback p = playback.get();
                if (p != null) {
                    p.events.add(new Event(utterance, frame, 0, false, interrupted));
                }
            }
        };
    }

    LiveConfig config() {
        return config;
    }

    /** Handles what the composition reported and keeps a paragraph queued ahead. */
    void poll() {
        Event e;
        while ((e = events.poll()) != null) {
            Slot slot = paragraphs.get(e.utterance());
            String command = inserts.get(e.utterance());
            if (e.start()) {
                if (slot != null) {
                    current = slot;
                    LiveConfig.SceneScript scene = sceneOf(slot);
                    if (scene != null && slot.paragraph() < scene.paragraphs().size()) {
                        listener.paragraphStarted(scene, scene.paragraphs().get(slot.paragraph()));
                    }
                } else if (command != null) {
                    listener.insertStarted(command, e.frame() - e.requestedAt());
                }
            } else {
                if (slot != null) {
                    paragraphs.remove(e.utterance());
                    queued.remove(e.utterance());
                } else if (command != null) {
                    inserts.remove(e.utterance());
                    insertsByCommand.remove(command);
                    listener.insertFinished(command, e.interrupted());
                }
            }
        }
        feed();
    }

    /** True once the script has played its rounds (repeat_count >= 0) and nothing is left to say. */
    boolean finished() {
        return ended && queued.isEmpty() && inserts.isEmpty();
    }

    private void feed() {
        LiveConfig c = config;
        if (!c.playPolicy().autoPlayScript() || "NO_PRESET".equals(c.playPolicy().playMode())) {
            return;
        }
        while (queued.size() < 2 && !ended) {
            if (next >= round.size()) {
                roundNumber++;
                int repeat = c.playPolicy().repeatCount();
                if (round.isEmpty() || (repeat >= 0 && roundNumber > repeat)) {
                    ended = true;
                    return;
                }
                round = laterRound(c);
                next = 0;
                if (round.isEmpty()) {
                    ended = true;
                    return;
                }
            }
            Slot slot = round.get(next++);
            LiveConfig.SceneScript scene = sceneOf(slot);
            if (scene == null || slot.paragraph() >= scene.paragraphs().size()) {
                continue;
            }
            String text = scene.paragraphs().get(slot.paragraph()).text();
            if (text == null || text.isBlank()) {
                // An audio-driven paragraph (audio_config) is not spoken by this emulator: see the README.
                continue;
            }
            try {
                long id = say(slot.scene(), text, SpeechPlacement.APPEND);
                paragraphs.put(id, slot);
                queued.add(id);
            } catch (MediaException ex) {
                lastFailure = ex;
            }
        }
    }

    /** Speaks inserted text for a command; returns its utterance id. */
    long insert(String commandId, String text, SpeechPlacement placement) throws MediaException {
        int scene = current == null ? 0 : current.scene();
        long id = say(scene, text, placement);
        inserts.put(id, commandId);
        insertsByCommand.put(commandId, id);
        return id;
    }

    /** Plays inserted audio (48 kHz mono) for a command; returns its utterance id. */
    long insertAudio(String commandId, short[] samples, SpeechPlacement placement) throws MediaException {
        long id = live.play(samples, placement);
        inserts.put(id, commandId);
        insertsByCommand.put(commandId, id);
        return id;
    }

    /** CLEAN_UP_INSERT_COMMAND: drops inserts not yet playing (all when {@code commandIds} is empty). */
    List<String> cleanUp(List<String> commandIds) {
        List<String> dropped = new ArrayList<>();
        List<String> targets = commandIds == null || commandIds.isEmpty() ? new ArrayList<>(insertsByCommand.keySet())
                : commandIds;
        for (String command : targets) {
            Long id = insertsByCommand.get(command);
            if (id != null && live.cancel(id)) {
                inserts.remove(id);
                insertsByCommand.remove(command);
                dropped.add(command);
            }
        }
        return dropped;
    }

    /** REWRITE_PLAY_SCRIPT: paragraphs not yet queued come from the new scenes. */
    void rewrite(LiveConfig updated, List<LiveSpecResolver.SceneVoice> newVoices) {
        this.config = updated;
        this.voices = newVoices;
        this.round = roundNumber == 0 ? firstRound(updated) : laterRound(updated);
        this.next = 0;
        this.ended = false;
    }

    void rules(LiveConfig updated) {
        this.config = updated;
    }

    /** The paragraphs of the current round in play order (GET_CURRENT_PLAYING_SCRIPTS). */
    List<Slot> round() {
        return List.copyOf(round);
    }

    Slot current() {
        return current;
    }

    MediaException takeFailure() {
        MediaException f = lastFailure;
        lastFailure = null;
        return f;
    }

    private long say(int scene, String text, SpeechPlacement placement) throws MediaException {
        List<LiveSpecResolver.SceneVoice> v = voices;
        LiveSpecResolver.SceneVoice voice = scene < v.size() && v.get(scene).voice() != null ? v.get(scene)
                : v.stream().filter(x -> x.voice() != null).findFirst().orElse(null);
        if (voice == null) {
            return live.say(text, placement);
        }
        return live.say(text, voice.voice(), voice.settings(), placement);
    }

    LiveConfig.SceneScript sceneOf(Slot slot) {
        List<LiveConfig.SceneScript> scenes = config.scenes();
        return slot.scene() < scenes.size() ? scenes.get(slot.scene()) : null;
    }

    private static List<Slot> firstRound(LiveConfig c) {
        List<Slot> slots = new ArrayList<>();
        for (int s = 0; s < c.scenes().size(); s++) {
            for (int p = 0; p < c.scenes().get(s).paragraphs().size(); p++) {
                slots.add(new Slot(s, p));
            }
        }
        return slots;
    }

    /** From the second round: scenes and/or paragraphs shuffled as random_play_mode says. */
    private List<Slot> laterRound(LiveConfig c) {
        String mode = c.playPolicy().randomPlayMode();
        List<Integer> scenes = new ArrayList<>();
        for (int s = 0; s < c.scenes().size(); s++) {
            scenes.add(s);
        }
        if (mode.equals("SCENE") || mode.equals("SCENE_AND_SCRIPT_ITEM")) {
            Collections.shuffle(scenes, random);
        }
        List<Slot> slots = new ArrayList<>();
        for (int s : scenes) {
            List<Integer> items = new ArrayList<>();
            for (int p = 0; p < c.scenes().get(s).paragraphs().size(); p++) {
                items.add(p);
            }
            if (mode.equals("SCRIPT_ITEM") || mode.equals("SCENE_AND_SCRIPT_ITEM")) {
                Collections.shuffle(items, random);
            }
            items.forEach(p -> slots.add(new Slot(s, p)));
        }
        return slots;
    }
}

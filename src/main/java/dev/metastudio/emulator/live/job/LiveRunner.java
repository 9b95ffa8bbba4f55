package dev.metastudio.emulator.live.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.config.MediaSettings;
import dev.metastudio.emulator.live.room.LiveRooms;
import dev.metastudio.emulator.live.room.LiveState;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.encode.LinkState;
import dev.metastudio.emulator.media.render.LiveComposition;
import dev.metastudio.emulator.media.render.SpeechPlacement;
import dev.metastudio.emulator.work.WorkCommand;
import dev.metastudio.emulator.work.WorkContext;
import dev.metastudio.emulator.work.WorkFailure;
import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a live job on a worker: PROCESSING, then the room's first scene composed in real time at 25 fps, encoded once
 * to HLS (served at {@code /_emulator/live/{job_id}/index.m3u8}) and to the RTMP target, the script spoken as the play
 * policy says, commands taken as they come (the lease renewal carries them), until a stop (SUCCEED), the end of the
 * script with repeat_count >= 0 (SUCCEED), or a failure (FAILED with its code). A job whose earlier worker died is
 * not streamed again: it fails with MSS.20010138 (heartbeat lost).
 */
@Component
class LiveRunner implements WorkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRunner.class);
    private static final Duration TICK = Duration.ofMillis(40);
    /** A SHOW_LAYER whose display_duration is 0 (the reference ties 0 to a reply's audio, which a command lacks). */
    static final int DEFAULT_LAYER_SECONDS = 5;
    /** The longest INSERT_PLAY_AUDIO the emulator decodes (it holds the whole sound in memory). */
    static final int MAX_AUDIO_SECONDS = 600;

    private final LiveJobRows rows;
    private final LiveSpecResolver resolver;
    private final LiveStreams streams;
    private final LiveNotifier notifier;
    private final LiveRules rules;
    private final LiveRooms rooms;
    private final MediaSettings media;
    private final Clock clock;
    private final Path scratchDir;

    LiveRunner(LiveJobRows rows, LiveSpecResolver resolver, LiveStreams streams, LiveNotifier notifier,
               LiveRules rules, LiveRooms rooms, MediaSettings media, Clock clock, EmulatorProperties properties) {
        this.rows = rows;
        this.resolver = resolver;
        this.streams = streams;
        this.notifier = notifier;
        this.rules = rules;
        this.rooms = rooms;
        this.media = media;
        this.clock = clock;
        this.scratchDir = properties.dataDir().resolve("tmp").resolve("live");
    }

    @Override
    public void run(WorkItem item, WorkContext context) throws WorkFailure {
        String jobId = item.subjectId();
        if (item.attempts() > 1) {
            throw new WorkFailure(LiveCodes.HEARTBEAT_LOST, "Heartbeat of the task was lost: the worker streaming"
                    + " this job stopped; a live stream is not resumed elsewhere");
        }
        if (!context.transition(LiveJobState.PROCESSING.name(), () -> rows.start(jobId, clock.instant())
                && mark(item, LiveState.PROCESSING, clock.instant(), null))) {
            return;
        }
        LiveJob job = rows.find(jobId).orElse(null);
        if (job == null) {
            return;
        }
        LiveConfig config = LiveConfig.parse(job.config());
        Path scratch = scratchDir.resolve(jobId + "-" + context.nodeId().replaceAll("[^A-Za-z0-9_.-]", "_"));
        Path hls = streams.folder(jobId);
        LiveComposition live = null;
        long startedAt = System.nanoTime();
        try {
            Files.createDirectories(scratch);
            Files.createDirectories(hls);
            LiveSpecResolver.Resolved resolved = resolver.resolve(item.projectId(), config, scratch);
            warmUp(resolved);
            String target = LiveConfig.target(job.outputUrl(), job.streamKey());
            AtomicReference<String[]> output = new AtomicReference<>(new String[]{job.outputUrl(), job.streamKey()});
            LiveSink sink = new LiveSink(hls, target, (url, state, detail) -> {
                String[] now = output.get();
                // The push REFRESH_OUTPUT_URL replaced reports nothing more (its END was reported on the refresh).
                if (url.equals(LiveConfig.target(now[0], now[1]))) {
                    linkChanged(job, now, state, detail);
                }
            });
            AtomicReference<LivePlayback> playback = new AtomicReference<>();
            // Always held to the wall clock: a stream is real time whatever the job progression (immediate
            // progression would otherwise push minutes of stream in seconds to a platform).
            live = LiveComposition.start(resolved.spec(), sink, new LiveComposition.Options(true, 0,
                    media.espeak()), LivePlayback.events(playback::get));
            startedAt = System.nanoTime();
            Session session = new Session(job, context, live, sink, output);
            session.scratch = scratch;
            playback.set(new LivePlayback(live, config, resolved.voices(), session));
            session.playback = playback.get();
            streams.running(jobId, session);
            boolean scriptEnded = session.loop();
            WorkContext.StopReason reason = context.stopReason();
            LiveComposition.Stats stats = live.stop();
            live = null;
            double streamed = stats.frames() / 25.0;
            double duration = (System.nanoTime() - startedAt) / 1e9;
            if (scriptEnded || reason == WorkContext.StopReason.STOP) {
                if (sink.target() != null) {
                    notifier.link(job, output.get()[0], output.get()[1], "END");
                }
                boolean ended = context.transition(LiveJobState.SUCCEED.name(), () -> rows.finish(jobId,
                        LiveJobState.SUCCEED, null, null, round(duration), round(streamed), clock.instant())
                        && mark(item, LiveState.SUCCEED, null, clock.instant()));
                if (ended && "TEMP".equals(job.roomType())) {
                    // A TEMP room is cleared once its job has completed (reference 6.1.1 room_type).
                    rooms.remove(item.projectId(), job.roomId());
                }
            }
        } catch (MediaException e) {
            throw new WorkFailure(LiveCodes.WORKER_PREPARE_FAILED, "Live worker failure: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WorkFailure(LiveCodes.WORKER_PREPARE_FAILED, "Task preparation failed: " + e.getMessage(), e);
        } finally {
            if (live != null) {
                live.close();
            }
            streams.ended(jobId);
            deleteTree(scratch);
        }
    }

    /**
     * Speaks a word in each scene's voice before going on air: the first use of a speech engine lists its voices
     * and loads it (seconds), which would otherwise delay the first PLAY_NOW far beyond its 1 s.
     */
    private void warmUp(LiveSpecResolver.Resolved resolved) {
        java.util.Set<dev.metastudio.emulator.media.speech.Voice> seen = new java.util.HashSet<>();
        dev.metastudio.emulator.media.speech.SpeechSynthesizer synthesizer =
                new dev.metastudio.emulator.media.speech.SpeechSynthesizer(media.espeak());
        for (LiveSpecResolver.SceneVoice v : resolved.voices()) {
            if (v.voice() != null && seen.add(v.voice())) {
                try {
                    synthesizer.sentences("Hello.", v.voice(), v.settings()).next();
                } catch (MediaException | RuntimeException e) {
                    LOG.debug("Live warm-up of {} failed: {}", v.voice(), e.toString());
                }
            }
        }
    }

    private boolean mark(WorkItem item, LiveState state, java.time.Instant start, java.time.Instant end) {
        LiveJob job = rows.find(item.subjectId()).orElse(null);
        if (job != null) {
            rooms.markLiveState(item.projectId(), job.roomId(), job.jobId(), state, start, end);
        }
        return true;
    }

    private void linkChanged(LiveJob job, String[] output, LinkState state, String detail) {
        LOG.debug("Live job {} push to {}: {} {}", job.jobId(), output[0], state, detail == null ? "" : detail);
        String url = output[0];
        String key = output[1];
        switch (state) {
            case CONNECTING -> notifier.link(job, url, key, "CONNECTING");
            case CONNECTED -> notifier.link(job, url, key, "CONNECTED");
            case RECONNECTING -> {
                notifier.link(job, url, key, "DISCONNECTED");
                notifier.link(job, url, key, "RECONNECTING");
            }
            case FAILED -> notifier.link(job, url, key, "DISCONNECTED");
            case CLOSED -> {
            }
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }

    /** One running stream: the command loop and what commands and events do to it. */
    final class Session implements LivePlayback.Listener {
        private final LiveJob job;
        private final WorkContext context;
        private final LiveComposition live;
        private final LiveSink sink;
        private final AtomicReference<String[]> output;
        private volatile LivePlayback playback;
        /** Where the files of inserted audio and layers are fetched to (removed with the job). */
        private Path scratch;
        private final LiveRules.State ruleState = new LiveRules.State();
        /** Insert commands whose speech started, with the frames between request and start (benchmarks). */
        private final Map<String, Long> latencies = new LinkedHashMap<>();

        Session(LiveJob job, WorkContext context, LiveComposition live, LiveSink sink,
                AtomicReference<String[]> output) {
            this.job = job;
            this.context = context;
            this.live = live;
            this.sink = sink;
            this.output = output;
        }

        /** Until stopped (false) or the script has played out with repeat_count >= 0 (true). */
        boolean loop() throws WorkFailure {
            long lastDurations = System.nanoTime();
            while (!context.stopRequested()) {
                for (WorkCommand command : context.takeCommands()) {
                    handle(command);
                }
                playback.poll();
                if (playback.finished()) {
                    return true;
                }
                if (System.nanoTime() - lastDurations > 5_000_000_000L) {
                    lastDurations = System.nanoTime();
                    LiveComposition.Stats stats = live.stats();
                    context.transact(() -> {
                        rows.updateDurations(job.jobId(), round(stats.clockSeconds()), round(stats.frames() / 25.0),
                                clock.instant());
                        return true;
                    });
                }
                context.awaitSignal(TICK);
            }
            return false;
        }

        private void handle(WorkCommand command) {
            try {
                JsonNode params = command.payload() == null ? JsonColumns.MAPPER.createObjectNode()
                        : JsonColumns.read(command.payload(), JsonNode.class);
                long t0 = System.nanoTime();
                String result = execute(command.commandId(), command.name(), params);
                LOG.debug("Live job {}: command {} {} taken {} ms after it was sent, executed in {} ms", job.jobId(),
                        command.name(), command.commandId(), java.time.Duration.between(command.createTime(),
                                clock.instant()).toMillis(), (System.nanoTime() - t0) / 1_000_000);
                context.completeCommand(command.commandId(), true, result);
            } catch (CommandFailure e) {
                context.completeCommand(command.commandId(), false, JsonColumns.write(Map.of("error_code", e.code,
                        "error_msg", e.getMessage())));
            } catch (MediaException e) {
                context.completeCommand(command.commandId(), false, JsonColumns.write(Map.of("error_code",
                        LiveCodes.FIELD_ERROR, "error_msg", "Field verification error: " + e.getMessage())));
            } catch (RuntimeException e) {
                LOG.warn("Live job {}: command {} failed", job.jobId(), command.name(), e);
                context.completeCommand(command.commandId(), false, JsonColumns.write(Map.of("error_code",
                        "MSS.20010147", "error_msg", "Command delivery failed: " + e)));
            }
        }

        /** The command's result string (JSON for the queries, empty otherwise). */
        private String execute(String commandId, String name, JsonNode params) throws MediaException, CommandFailure {
            switch (name) {
                case "INSERT_PLAY_SCRIPT" -> {
                    String text = LiveConfig.text(params.path("text_config"), "text");
                    SpeechPlacement placement = placement(LiveConfig.textOr(params, "play_type", "PLAY_NOW"));
                    playback.insert(commandId, text, placement);
                    return "";
                }
                case "INSERT_PLAY_AUDIO" -> {
                    Path file = fetch(() -> resolver.audioAsset(job.projectId(), LiveConfig.text(params,
                            "audio_url")));
                    short[] samples = decode(file);
                    // PlayAudioInfo's play_type defaults to APPEND (Table 11-4), PlayTextInfo's to PLAY_NOW.
                    playback.insertAudio(commandId, samples, placement(LiveConfig.textOr(params, "play_type",
                            "APPEND")));
                    return "";
                }
                case "REWRITE_PLAY_SCRIPT" -> {
                    JsonNode scenes = params.isArray() ? params : params.get("scene_scripts");
                    ObjectNode doc = playback.config().document().deepCopy();
                    doc.set("scene_scripts", scenes);
                    LiveConfig updated = LiveConfig.of(doc);
                    List<LiveSpecResolver.SceneVoice> voices = new ArrayList<>();
                    try {
                        for (LiveConfig.SceneScript s : updated.scenes()) {
                            voices.add(resolver.voiceOf(job.projectId(), s.voiceConfig()));
                        }
                    } catch (RuntimeException e) {
                        throw new CommandFailure("MSS.20010052", "Modify the script failed: " + e.getMessage());
                    }
                    playback.rewrite(updated, voices);
                    store(doc);
                    return "";
                }
                case "REWRITE_INTERACTION_RULES" -> {
                    JsonNode list = params.isArray() ? params : params.get("interaction_rules");
                    ObjectNode doc = playback.config().document().deepCopy();
                    doc.set("interaction_rules", LiveRules.indexed(list));
                    playback.rules(LiveConfig.of(doc));
                    store(doc);
                    return "";
                }
                case "GET_CURRENT_PLAYING_SCRIPTS" -> {
                    return JsonColumns.write(playing());
                }
                case "GET_LIVE_JOB_CONFIG_INFO" -> {
                    return JsonColumns.write(playback.config().document());
                }
                case "REFRESH_OUTPUT_URL" -> {
                    String url = first(params, "output_urls");
                    String key = first(params, "stream_keys");
                    String[] old = output.get();
                    output.set(new String[]{url, key});
                    if (old[0] != null) {
                        notifier.link(job, old[0], old[1], "END");
                    }
                    sink.retarget(LiveConfig.target(url, key));
                    ObjectNode doc = playback.config().document().deepCopy();
                    doc.set("output_urls", JsonColumns.MAPPER.createArrayNode().add(url));
                    if (key != null) {
                        doc.set("stream_keys", JsonColumns.MAPPER.createArrayNode().add(key));
                    } else {
                        doc.remove("stream_keys");
                    }
                    playback.rules(LiveConfig.of(doc));
                    store(doc);
                    context.transact(() -> {
                        rows.updateOutput(job.jobId(), url, key, clock.instant());
                        return true;
                    });
                    return "";
                }
                case "CLEAN_UP_INSERT_COMMAND" -> {
                    List<String> ids = new ArrayList<>();
                    LiveConfig.array(params, "command_ids").forEach(n -> ids.add(n.asText()));
                    playback.cleanUp(ids);
                    return "";
                }
                case "SHOW_LAYER" -> {
                    JsonNode layer = LiveSpecResolver.layerOf(params);
                    String field = layer == params ? "params" : "params.layer_config";
                    showLayer(layer, field);
                    return "";
                }
                case "LIVE_EVENT" -> {
                    return JsonColumns.write(rules.handle(params, playback, ruleState, this));
                }
                default -> throw new CommandFailure(LiveCodes.INVALID_COMMAND, "Invalid command. Check the"
                        + " parameter command: " + name);
            }
        }

        /** Shows an IMAGE layer (SmartLayerConfig) over the picture for its display_duration. */
        void showLayer(JsonNode layer, String field) throws CommandFailure, MediaException {
            Path file = fetch(() -> resolver.layerImage(job.projectId(), layer, field));
            int seconds = layer.path("image_config").path("display_duration").asInt(0);
            if (seconds <= 0) {
                seconds = DEFAULT_LAYER_SECONDS;
            }
            live.showImage(file, LiveSpecResolver.box(layer), seconds * 25L);
        }

        /** Plays a rule's reply audio (ReplyAudioInfo.audio_url) as an insert with its own id. */
        void replyAudio(String replyId, String audioUrl, String playType) throws CommandFailure, MediaException {
            Path file = fetch(() -> resolver.audioAsset(job.projectId(), audioUrl));
            playback.insertAudio(replyId, decode(file), placement(playType));
        }

        /** The main file of a usable asset, copied to the job's scratch space. */
        private Path fetch(java.util.function.Supplier<dev.metastudio.emulator.asset.AssetEntity> asset)
                throws CommandFailure {
            try {
                return resolver.local(asset.get(), scratch);
            } catch (dev.metastudio.emulator.edge.ApiException e) {
                throw new CommandFailure(e.code(), e.getMessage());
            } catch (WorkFailure e) {
                throw new CommandFailure("MSS.20010147", "Command delivery failed: " + e.getMessage());
            }
        }

        /** The whole audio as 48 kHz mono, at most {@link #MAX_AUDIO_SECONDS}. */
        private short[] decode(Path file) throws MediaException, CommandFailure {
            try (dev.metastudio.emulator.media.audio.AudioDecoder decoder =
                         dev.metastudio.emulator.media.audio.AudioDecoder.open(file)) {
                int max = MAX_AUDIO_SECONDS * dev.metastudio.emulator.media.audio.Pcm.SAMPLE_RATE;
                short[] all = new short[dev.metastudio.emulator.media.audio.Pcm.SAMPLE_RATE * 10];
                short[] block = new short[dev.metastudio.emulator.media.audio.Pcm.SAMPLE_RATE];
                int total = 0;
                int n;
                while ((n = decoder.read(block, block.length)) > 0) {
                    if (total + n > max) {
                        throw new CommandFailure(LiveCodes.FIELD_ERROR, "Field verification error: params.audio_url"
                                + " plays longer than " + MAX_AUDIO_SECONDS + " s");
                    }
                    if (total + n > all.length) {
                        all = java.util.Arrays.copyOf(all, Math.max(all.length * 2, total + n));
                    }
                    System.arraycopy(block, 0, all, total, n);
                    total += n;
                }
                if (total == 0) {
                    throw new CommandFailure(LiveCodes.FIELD_ERROR, "Field verification error: params.audio_url has"
                            + " no sound");
                }
                return java.util.Arrays.copyOf(all, total);
            }
        }

        /** Speaks a reply of a matched rule as an insert with its own id. */
        void reply(String replyId, String text, String playType) throws MediaException {
            playback.insert(replyId, text, placement(playType));
        }

        private void store(ObjectNode doc) {
            context.transact(() -> {
                rows.updateConfig(job.jobId(), JsonColumns.write(doc), clock.instant());
                return true;
            });
        }

        private Map<String, Object> playing() {
            LiveConfig c = playback.config();
            Map<Integer, List<Map<String, Object>>> byScene = new LinkedHashMap<>();
            for (LivePlayback.Slot slot : playback.round()) {
                LiveConfig.SceneScript scene = playback.sceneOf(slot);
                if (scene == null || slot.paragraph() >= scene.paragraphs().size()) {
                    continue;
                }
                LiveConfig.Paragraph p = scene.paragraphs().get(slot.paragraph());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("sequence_no", p.sequenceNo());
                item.put("title", p.title());
                byScene.computeIfAbsent(slot.scene(), k -> new ArrayList<>()).add(item);
            }
            List<Map<String, Object>> scenes = new ArrayList<>();
            byScene.forEach((index, items) -> {
                LiveConfig.SceneScript scene = c.scenes().get(index);
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("script_name", scene.scriptName());
                s.put("model_asset_id", scene.modelAssetId());
                s.put("shoot_scripts", items);
                scenes.add(s);
            });
            return Map.of("scene_scripts", scenes);
        }

        @Override
        public void paragraphStarted(LiveConfig.SceneScript scene, LiveConfig.Paragraph paragraph) {
            notifier.paragraph(job, scene, paragraph);
        }

        @Override
        public void insertStarted(String commandId, long latencyFrames) {
            synchronized (latencies) {
                latencies.put(commandId, latencyFrames);
            }
            LiveComposition.Stats st = live.stats();
            LOG.debug("Live job {}: insert {} started {} frames after its request (stream drift {} frames, {} dropped)",
                    job.jobId(), commandId, latencyFrames, st.driftFrames(), st.dropped());
        }

        @Override
        public void insertFinished(String commandId, boolean interrupted) {
            notifier.replyFinished(job, commandId);
        }

        /** Frames from an insert's request to its first sound, per command id. */
        Map<String, Long> latencies() {
            synchronized (latencies) {
                return Map.copyOf(latencies);
            }
        }

        LiveComposition.Stats stats() {
            return live.stats();
        }

        String linkState() {
            LinkState state = sink.linkState();
            return state == null ? null : state.name();
        }
    }

    static SpeechPlacement placement(String playType) {
        return switch (playType == null ? "" : playType) {
            case "APPEND" -> SpeechPlacement.APPEND;
            case "INSERT" -> SpeechPlacement.INSERT;
            default -> SpeechPlacement.PLAY_NOW;
        };
    }

    private static String first(JsonNode params, String field) {
        JsonNode a = params.get(field);
        if (a instanceof ArrayNode arr && !arr.isEmpty() && !arr.get(0).isNull()) {
            return arr.get(0).asText();
        }
        return a != null && a.isTextual() ? a.asText() : null;
    }

    /** A command refused by the running job, with its code (the API answers it). */
    static final class CommandFailure extends Exception {
        final String code;

        CommandFailure(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Scratch space.
        }
    }
}

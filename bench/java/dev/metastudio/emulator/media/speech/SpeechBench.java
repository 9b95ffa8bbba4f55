package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.avatar.AvatarPose;
import dev.metastudio.emulator.media.avatar.AvatarRig;
import dev.metastudio.emulator.media.avatar.Framing;
import dev.metastudio.emulator.media.lipsync.FrameLoudness;
import dev.metastudio.emulator.media.lipsync.LipSync;
import dev.metastudio.emulator.media.lipsync.MouthTrack;
import dev.metastudio.emulator.media.lipsync.PhonemeLipSync;
import dev.metastudio.emulator.media.lipsync.Viseme;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Synthesis speed of each engine voice (seconds of speech per second of wall time, the whole pipeline: engine,
 * pitch shift, resampling, volume) on a paragraph of about ten seconds, best of three after a warm-up; then lip-sync
 * quality on a benchmark sentence: the share of frames whose shape matches the phone-derived reference (the phone
 * under each frame's centre) and the Pearson correlation with the audio envelope (per-frame RMS amplitude) of the
 * mouth's opening, both as the rig is asked for it (env_r) and as it is painted (painted_r: dark pixels inside the
 * drawn mouth), for the phone-driven track and, on the same audio, for the audio-analysis path, and the correlation the
 * phone reference's nominal openings have (lips closed on a loud /m/, barely open on a loud /i/: phonetics and
 * loudness part ways; the loudness-scaled opening is what brings them together).
 * Last line: speech-bench: festival_slt_x=... ... lipsync_match=... lipsync_env_r=... lipsync_painted_r=...
 * audio_match=... audio_env_r=... audio_painted_r=... reference_env_r=...
 */
public final class SpeechBench {

    private static final String ENGLISH = "Good morning, everyone, and welcome to our product launch. Today we will "
            + "show you how the new platform makes your daily work simpler, faster and more reliable, from the first "
            + "draft to the final video.";
    private static final String CHINESE = "大家早上好，欢迎来到我们的产品发布会。今天我们将向您展示新的平台如何让您的日常工作"
            + "更简单、更快速、更可靠。";
    private static final String CANTONESE = "大家好，歡迎嚟到我哋嘅產品發佈會。今日我哋會話畀你知新平台點樣令你嘅工作更加簡單。";
    private static final String BENCH_SENTENCE = "Bob and Maria will meet the whole team for a quick review of "
            + "the big plan, then we move on to the budget.";

    private record Case(String key, SpeechEngines engines, Voice voice, String text) {
    }

    public static void main(String[] args) throws Exception {
        SpeechEngines all = SpeechEngines.onPath(null);
        SpeechEngines noFlite = SpeechEngines.of(null, null, "/nonexistent/flite");
        SpeechEngines javaOnly = SpeechEngines.of(null, "/nonexistent/festival", "/nonexistent/flite");
        List<Case> cases = List.of(
                new Case("festival_slt", all, new Voice("EN", Sex.FEMALE, 1), ENGLISH),
                new Case("festival_kal", noFlite, new Voice("EN", Sex.MALE, 1), ENGLISH),
                new Case("flite_rms", all, new Voice("EN", Sex.MALE, 1), ENGLISH),
                new Case("flite_awb", all, new Voice("EN", Sex.MALE, 2), ENGLISH),
                new Case("freetts", javaOnly, new Voice("EN", Sex.MALE, 1), ENGLISH),
                new Case("espeak_cmn", all, new Voice("CN", Sex.FEMALE, 1), CHINESE),
                new Case("espeak_yue", all, new Voice("YY", Sex.FEMALE, 1), CANTONESE));
        // "lipsync": only the lip-sync figures (seconds instead of minutes, for tuning the mouth).
        boolean lipSyncOnly = args.length > 0 && args[0].equals("lipsync");
        Path dir = Files.createTempDirectory("speech-bench-");
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (Case c : lipSyncOnly ? List.<Case>of() : cases) {
                SpeechSynthesizer synthesizer = new SpeechSynthesizer(c.engines());
                Path pcm = dir.resolve(c.key() + ".pcm");
                SpeechTrack warm = synthesizer.synthesize(c.text(), c.voice(), VoiceSettings.DEFAULT, pcm, () -> false);
                double best = Double.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    synthesizer.synthesize(c.text(), c.voice(), VoiceSettings.DEFAULT, pcm, () -> false);
                    best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                }
                double x = warm.durationSeconds() / best;
                System.out.printf(Locale.ROOT, "%-13s %-36s %5.2f s of speech in %5.2f s: %5.1f x real time%n",
                        c.key(), warm.voice(), warm.durationSeconds(), best, x);
                out.put(c.key() + "_x", String.format(Locale.ROOT, "%.1f", x));
            }
            double[] phone = new double[3];
            double[] audio = new double[3];
            double referenceR = 0;
            int n = 0;
            for (Case c : List.of(cases.get(0), cases.get(2), cases.get(5))) {
                String text = c.voice().language().equals("CN") ? "爸爸和妈妈明天早上八点半去北京开会，然后买面包。"
                        : BENCH_SENTENCE;
                Path pcm = dir.resolve("lipsync.pcm");
                SpeechTrack t = new SpeechSynthesizer(c.engines()).synthesize(text, c.voice(), VoiceSettings.DEFAULT,
                        pcm, () -> false);
                int frames = (int) ((t.samples() + Pcm.SAMPLES_PER_FRAME - 1) / Pcm.SAMPLES_PER_FRAME);
                Viseme[] reference = PhonemeLipSync.reference(t.phones(), frames);
                double[] envelope = Arrays.stream(FrameLoudness.of(pcm, frames)).map(db -> Math.pow(10, db / 20))
                        .toArray();
                MouthTrack fromPhones = t.visemes(frames);
                MouthTrack fromAudio = LipSync.visemes(pcm, List.of(), frames);
                double[] p = quality(fromPhones, reference, envelope);
                double[] a = quality(fromAudio, reference, envelope);
                double r = pearson(Arrays.stream(reference).mapToDouble(Viseme::opening).toArray(), envelope);
                System.out.printf(Locale.ROOT, "lip-sync %-36s phones: match %.2f r %.2f painted r %.2f | audio "
                        + "analysis: match %.2f r %.2f painted r %.2f | the reference itself: r %.2f%n", t.voice(),
                        p[0], p[1], p[2], a[0], a[1], a[2], r);
                referenceR += r;
                for (int k = 0; k < 3; k++) {
                    phone[k] += p[k];
                    audio[k] += a[k];
                }
                n++;
            }
            out.put("lipsync_match", String.format(Locale.ROOT, "%.2f", phone[0] / n));
            out.put("lipsync_env_r", String.format(Locale.ROOT, "%.2f", phone[1] / n));
            out.put("lipsync_painted_r", String.format(Locale.ROOT, "%.2f", phone[2] / n));
            out.put("audio_match", String.format(Locale.ROOT, "%.2f", audio[0] / n));
            out.put("audio_env_r", String.format(Locale.ROOT, "%.2f", audio[1] / n));
            out.put("audio_painted_r", String.format(Locale.ROOT, "%.2f", audio[2] / n));
            out.put("reference_env_r", String.format(Locale.ROOT, "%.2f", referenceR / n));
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        List<String> parts = new ArrayList<>();
        out.forEach((k, v) -> parts.add(k + "=" + v));
        System.out.println("speech-bench: " + String.join(" ", parts));
    }

    private static double match(Viseme[] a, Viseme[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return same / (double) a.length;
    }

    /** Shape match, r of the opening the rig is asked for, r of the opening it paints (dark mouth pixels). */
    private static double[] quality(MouthTrack mouth, Viseme[] reference, double[] envelope) throws Exception {
        return new double[]{match(mouth.shapes(), reference), pearson(mouth.openness(), envelope),
                pearson(paintedOpening(mouth), envelope)};
    }

    /**
     * Draws every frame's mouth with a full-size portrait presenter (1080x1920, head at rest) and counts the dark
     * pixels of the open mouth's inside in the mouth's area, as a viewer sees the opening (the same measure as
     * LipSyncVideoTest on decoded video).
     */
    private static double[] paintedOpening(MouthTrack mouth) throws Exception {
        AvatarRig rig = AvatarRig.build("anna", Framing.PORTRAIT, new Rectangle(0, 0, 1080, 1920));
        Rectangle area = rig.mouthArea();
        BufferedImage img = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_RGB);
        double[] dark = new double[mouth.frames()];
        for (int f = 0; f < dark.length; f++) {
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, area.width, area.height);
            g.translate(-area.x, -area.y);
            g.setClip(area);
            rig.draw(g, new AvatarPose(0, 0, 0, AvatarPose.Eyelids.OPEN, mouth.shape(f), mouth.openness(f)));
            g.dispose();
            int n = 0;
            for (int y = 0; y < area.height; y++) {
                for (int x = 0; x < area.width; x++) {
                    int p = img.getRGB(x, y);
                    int luma = (2 * ((p >> 16) & 0xff) + 7 * ((p >> 8) & 0xff) + (p & 0xff)) / 10;
                    n += luma < 55 ? 1 : 0;
                }
            }
            dark[f] = n;
        }
        return dark;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }
}

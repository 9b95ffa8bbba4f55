package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.avatar.AvatarAnimator;
import dev.metastudio.emulator.media.avatar.AvatarRig;
import dev.metastudio.emulator.media.avatar.Framing;
import dev.metastudio.emulator.media.image.Images;
import dev.metastudio.emulator.media.lipsync.MouthTrack;
import dev.metastudio.emulator.media.lipsync.Viseme;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaKind;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.media.speech.Cue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One scene made ready to draw: backgrounds and the still layers below the first moving one are flattened into the
 * opaque base; still layers between moving ones into transparent plates; moving layers (presenter, videos) and the
 * subtitles become {@link Dynamic}s. All of this is built once per scene.
 */
final class SceneStage implements AutoCloseable {

    /** A video layer's sound source, for the mixer. */
    record VideoSound(java.nio.file.Path file, int loopCount) {
    }

    private BufferedImage base;
    private final List<FrameCompositor.Item> stack = new ArrayList<>();
    private final List<Dynamic> dynamics = new ArrayList<>();
    private final List<AvatarElement> presenters = new ArrayList<>();
    private final List<FootageElement> footage = new ArrayList<>();
    private final List<VideoSound> videoSounds = new ArrayList<>();
    private SubtitleElement subtitles;

    private final int width;
    private final int height;
    private final Viewport viewport;
    private BufferedImage plate;
    private Rectangle plateContent;

    private SceneStage(int width, int height, Viewport viewport) {
        this.width = width;
        this.height = height;
        this.viewport = viewport;
        this.base = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /**
     * Builds everything that does not depend on the scene's speech, so it can run while the speech is synthesized;
     * {@link #attachSpeech} completes the stage.
     *
     * @param firstFrame the scene's first frame in the video (the idle motion continues across scenes)
     */
    static SceneStage build(RenderSpec spec, Scene scene, Viewport viewport, int width, int height, long firstFrame)
            throws MediaException {
        SceneStage stage = new SceneStage(width, height, viewport);
        try {
            stage.paintBackgrounds(spec.layout(), scene.backgrounds());
            List<Layer> layers = new ArrayList<>(scene.layers());
            layers.sort(Comparator.comparingInt(l -> l.box().layerIndex()));
            for (Layer layer : layers) {
                stage.add(spec.layout(), layer, firstFrame);
            }
            if (spec.subtitles() != null && scene.speech() instanceof SpeechSource.Text) {
                stage.subtitles = new SubtitleElement(spec.subtitles(), spec.layout(), viewport);
                stage.moving(stage.subtitles);
            }
            stage.closePlate();
            return stage;
        } catch (MediaException | RuntimeException e) {
            stage.close();
            throw e;
        }
    }

    /** Mouth shapes alone (one per frame), each at its typical opening in speech. */
    void attachSpeech(Viseme[] visemes, List<Cue> cues) {
        attachSpeech(MouthTrack.nominal(visemes), cues);
    }

    /** The scene's mouth (shape and opening per frame) and subtitle cues (scene time; null for audio scenes). */
    void attachSpeech(MouthTrack mouth, List<Cue> cues) {
        presenters.forEach(p -> p.speak(mouth));
        footage.forEach(p -> p.speak(mouth, 0));
        if (subtitles != null && cues != null) {
            subtitles.show(cues);
        }
    }

    /**
     * A live stream's sentence: its mouth shapes from scene frame {@code fromFrame} on and its cues (already in scene
     * time), replacing the previous sentence's.
     */
    void attachSentence(MouthTrack mouth, long fromFrame, List<Cue> cues) {
        presenters.forEach(p -> p.speak(mouth, fromFrame));
        footage.forEach(p -> p.speak(mouth, fromFrame));
        if (subtitles != null) {
            subtitles.show(cues);
        }
    }

    BufferedImage base() {
        return base;
    }

    List<FrameCompositor.Item> stack() {
        return stack;
    }

    List<VideoSound> videoSounds() {
        return videoSounds;
    }

    private void paintBackgrounds(LayoutOrientation layout, List<Background> backgrounds) throws MediaException {
        Graphics2D g = base.createGraphics();
        try {
            quality(g);
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            Rectangle area = viewport.map(0, 0, layout.width(), layout.height());
            g.setColor(Color.WHITE);
            g.fill(area);
            for (Background b : backgrounds) {
                if (b instanceof Background.Color c) {
                    Color color = TextPainter.parseColor(c.rgb(), Color.WHITE);
                    if (color == null) {
                        throw new MediaException(Reason.INVALID_INPUT, "background colour is not #RRGGBB: " + c.rgb());
                    }
                    g.setColor(color);
                    g.fill(area);
                } else if (b instanceof Background.Image i) {
                    BufferedImage img = Images.read(i.file());
                    // Cover: scale to fill the layout, cropping the overflow around the centre.
                    double s = Math.max(area.width / (double) img.getWidth(), area.height / (double) img.getHeight());
                    int w = (int) Math.ceil(img.getWidth() * s);
                    int h = (int) Math.ceil(img.getHeight() * s);
                    Shape clip = g.getClip();
                    g.clip(area);
                    g.drawImage(Images.scale(img, w, h), area.x + (area.width - w) / 2, area.y + (area.height - h) / 2,
                            null);
                    g.setClip(clip);
                }
            }
        } finally {
            g.dispose();
        }
    }

    private void add(LayoutOrientation layout, Layer layer, long firstFrame) throws MediaException {
        LayerBox box = layer.box();
        if (layer instanceof Layer.Image image) {
            BufferedImage img = Images.read(image.file());
            Rectangle r = place(box, img.getWidth(), img.getHeight());
            Graphics2D g = stillGraphics();
            g.drawImage(Images.scale(img, r.width, r.height), r.x, r.y, null);
            g.dispose();
            grow(r);
        } else if (layer instanceof Layer.Text text) {
            paintText(text);
        } else if (layer instanceof Layer.Human human) {
            int w = box.width() > 0 ? box.width() : layout.width();
            int h = box.height() > 0 ? box.height() : layout.height();
            Rectangle r = viewport.map(box.dx(), box.dy(), w, h);
            Framing framing = human.framing() != null ? human.framing() : layout.framing();
            AvatarRig rig = AvatarRig.build(human.lookId(), framing, r);
            long seed = human.lookId().hashCode() * 1_000_003L + 17;
            AvatarElement presenter = new AvatarElement(rig, new AvatarAnimator(rig.scale(), seed), firstFrame);
            presenters.add(presenter);
            moving(presenter);
        } else if (layer instanceof Layer.Footage trained) {
            int w = box.width() > 0 ? box.width() : layout.width();
            int h = box.height() > 0 ? box.height() : layout.height();
            FootageElement presenter = FootageElement.open(trained.file(), trained.face(), viewport.map(box.dx(),
                    box.dy(), w, h));
            footage.add(presenter);
            moving(presenter);
        } else if (layer instanceof Layer.Video video) {
            MediaInfo info = MediaProbe.probe(video.file());
            if (info.kind() != MediaKind.VIDEO || info.video() == null) {
                throw new MediaException(Reason.UNSUPPORTED_MEDIA, "video layer is not a video: "
                        + video.file().getFileName());
            }
            Rectangle r = place(box, info.video().width(), info.video().height());
            moving(new VideoElement(video.file(), r, video.loopCount(), info.durationSeconds()));
            videoSounds.add(new VideoSound(video.file(), video.loopCount()));
        }
    }

    /** The layer's rectangle in output pixels: its size, or its natural size, keeping aspect if one side is given. */
    private Rectangle place(LayerBox box, int naturalWidth, int naturalHeight) {
        double w = box.width();
        double h = box.height();
        if (w <= 0 && h <= 0) {
            w = naturalWidth;
            h = naturalHeight;
        } else if (w <= 0) {
            w = h * naturalWidth / naturalHeight;
        } else if (h <= 0) {
            h = w * naturalHeight / naturalWidth;
        }
        return viewport.map(box.dx(), box.dy(), w, h);
    }

    private void paintText(Layer.Text text) throws MediaException {
        Color color = TextPainter.parseColor(text.color(), Color.WHITE);
        if (color == null) {
            throw new MediaException(Reason.INVALID_INPUT, "text colour is not #RRGGBB: " + text.color());
        }
        int size = text.fontSize() <= 0 ? 16 : Math.max(4, Math.min(120, text.fontSize()));
        Font font = Fonts.forName(text.fontName(), (float) (size * viewport.scale()));
        LayerBox box = text.box();
        Rectangle origin = viewport.map(box.dx(), box.dy(), Math.max(1, box.width()), 1);
        List<TextLayout> lines = TextPainter.layout(text.text(), font, box.width() > 0 ? origin.width : 0);
        Graphics2D g = stillGraphics();
        TextPainter.drawLines(g, lines, origin.x, origin.y, color);
        g.dispose();
        float h = 0;
        float w = 0;
        for (TextLayout l : lines) {
            h += TextPainter.lineHeight(l);
            w = Math.max(w, l.getAdvance());
        }
        grow(new Rectangle(origin.x - 2, origin.y - 2, (int) Math.ceil(w) + 4, (int) Math.ceil(h) + 4));
    }

    /** Where still layers go: the base until something moves, a transparent plate above it afterwards. */
    private Graphics2D stillGraphics() {
        Graphics2D g;
        if (stack.isEmpty()) {
            g = base.createGraphics();
        } else {
            if (plate == null) {
                plate = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
                plateContent = new Rectangle();
            }
            g = plate.createGraphics();
        }
        quality(g);
        return g;
    }

    private void grow(Rectangle r) {
        if (plate != null) {
            plateContent = plateContent.isEmpty() ? new Rectangle(r) : plateContent.union(r);
        }
    }

    private void moving(Dynamic d) {
        closePlate();
        dynamics.add(d);
        stack.add(new FrameCompositor.Moving(d));
    }

    private void closePlate() {
        if (plate != null) {
            stack.add(new FrameCompositor.Plate(plate, plateContent));
            plate = null;
            plateContent = null;
        }
    }

    private static void quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /**
     * Closes the decoders of video layers and lets go of the plates and sprites, so a finished scene holds no memory
     * even while something still refers to it. Calling it again does nothing.
     */
    @Override
    public void close() {
        for (Dynamic d : dynamics) {
            d.close();
        }
        dynamics.clear();
        presenters.clear();
        footage.clear();
        stack.clear();
        subtitles = null;
        base = null;
    }
}

package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.lipsync.MouthTrack;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaKind;
import dev.metastudio.emulator.media.probe.MediaProbe;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;

/**
 * A presenter trained from footage: the training video looped for as long as the scene lasts (its idle motion is the
 * person's own), fitted into the layer's box, with a mouth drawn below the detected face that opens with the speech's
 * loudness-driven openness and closes in silence.
 */
final class FootageElement implements Dynamic {
    /** Where the mouth sits in a frontal face box (Haar cascade proportions), and its size. */
    static final double MOUTH_Y = 0.80;
    static final double MOUTH_WIDTH = 0.34;
    static final double MOUTH_MAX_HEIGHT = 0.16;

    private final VideoElement video;
    private final Rectangle area;
    private final double mouthX;
    private final double mouthY;
    private final double mouthWidth;
    private final double mouthMaxHeight;
    private MouthTrack mouth = MouthTrack.silent();
    private long mouthFrom;
    private double open;

    private FootageElement(VideoElement video, Rectangle area, double mouthX, double mouthY, double mouthWidth,
                           double mouthMaxHeight) {
        this.video = video;
        this.area = area;
        this.mouthX = mouthX;
        this.mouthY = mouthY;
        this.mouthWidth = mouthWidth;
        this.mouthMaxHeight = mouthMaxHeight;
    }

    /** The footage fitted (aspect kept, centred) into {@code box}; {@code face} is in the footage's own pixels. */
    static FootageElement open(Path file, Rectangle face, Rectangle box) throws MediaException {
        MediaInfo info = MediaProbe.probe(file);
        if (info.kind() != MediaKind.VIDEO || info.video() == null) {
            throw new MediaException(Reason.UNSUPPORTED_MEDIA, "presenter footage is not a video: " + file.getFileName());
        }
        int fw = info.video().width();
        int fh = info.video().height();
        double scale = Math.min(box.width / (double) fw, box.height / (double) fh);
        int w = Math.max(2, (int) Math.round(fw * scale) & ~1);
        int h = Math.max(2, (int) Math.round(fh * scale) & ~1);
        Rectangle area = new Rectangle(box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h);
        double sx = w / (double) fw;
        double sy = h / (double) fh;
        VideoElement video = new VideoElement(file, area, -1, info.durationSeconds());
        return new FootageElement(video, area, area.x + (face.x + face.width / 2.0) * sx,
                area.y + (face.y + face.height * MOUTH_Y) * sy, face.width * MOUTH_WIDTH * sx,
                face.height * MOUTH_MAX_HEIGHT * sy);
    }

    /** The scene's mouth from scene frame {@code from} on; before it and after it the mouth rests closed. */
    void speak(MouthTrack track, long from) {
        this.mouth = track;
        this.mouthFrom = from;
    }

    @Override
    public Rectangle envelope() {
        return area;
    }

    @Override
    public long advance(int frame) throws MediaException {
        long serial = video.advance(frame);
        int i = (int) (frame - mouthFrom);
        open = i < 0 || i >= mouth.frames() ? 0 : Math.max(0, Math.min(1, mouth.openness(i)));
        return serial * 64 + Math.round(open * 32);
    }

    @Override
    public void draw(Graphics2D g) {
        video.draw(g);
        if (open < 0.03) {
            return;
        }
        double h = Math.max(2, open * mouthMaxHeight);
        Object hint = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(120, 45, 50));
        g.fill(new Ellipse2D.Double(mouthX - mouthWidth / 2 - 2, mouthY - h / 2 - 2, mouthWidth + 4, h + 4));
        g.setColor(new Color(45, 12, 18));
        g.fill(new Ellipse2D.Double(mouthX - mouthWidth / 2, mouthY - h / 2, mouthWidth, h));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, hint);
    }

    @Override
    public void close() {
        video.close();
    }
}

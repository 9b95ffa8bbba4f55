package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.speech.Cue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Burnt-in subtitles of one scene. The box is 80 % of the layout wide with its lower-left corner at SubtitleConfig's
 * (dx, dy); text is centred in it and grows upwards. Each cue is rendered once, when it first shows.
 */
final class SubtitleElement implements Dynamic {

    private List<Cue> cues = List.of();
    private final Font font;
    private final int boxX;
    private final int boxBottom;
    private final int boxWidth;
    private final Rectangle envelope;
    private int current = -1;
    private int rendered = -1;
    private BufferedImage sprite;

    SubtitleElement(SubtitleStyle style, LayoutOrientation layout, Viewport viewport) {
        int size = style.fontSize() == null || style.fontSize() <= 0 ? 54 : Math.max(4, Math.min(120, style.fontSize()));
        int dx = style.dx() != null ? style.dx() : Math.round(layout.width() * 0.1f);
        int dy = style.dy() != null ? style.dy() : Math.round(layout.height() * (layout == LayoutOrientation.PORTRAIT
                ? 0.88f : 0.93f));
        Rectangle box = viewport.map(dx, dy - size * 4.0, layout.width() * 0.8, size * 4.0);
        this.font = Fonts.forName(style.fontName(), (float) (size * viewport.scale()));
        this.boxX = box.x;
        this.boxBottom = box.y + box.height;
        this.boxWidth = Math.max(8, box.width);
        this.envelope = new Rectangle(box.x, box.y - box.height, boxWidth, box.height * 2);
    }

    /** The scene's cues, in scene time. */
    void show(List<Cue> sceneCues) {
        this.cues = List.copyOf(sceneCues);
    }

    @Override
    public Rectangle envelope() {
        return envelope;
    }

    @Override
    public long advance(int frame) {
        double t = (frame + 0.5) * Pcm.SAMPLES_PER_FRAME / (double) Pcm.SAMPLE_RATE;
        current = -1;
        for (int i = 0; i < cues.size(); i++) {
            if (t >= cues.get(i).startSeconds() && t < cues.get(i).endSeconds()) {
                current = i;
                break;
            }
        }
        return current + 1L;
    }

    @Override
    public void draw(Graphics2D g) {
        if (current < 0) {
            return;
        }
        if (rendered != current) {
            sprite = TextPainter.subtitleSprite(cues.get(current).text(), font, boxWidth);
            rendered = current;
        }
        // Pixels outside the envelope would never be cleaned up again, so an outsized cue is cut at its edge.
        java.awt.Shape clip = g.getClip();
        g.clip(envelope);
        g.drawImage(sprite, boxX, Math.max(envelope.y, boxBottom - sprite.getHeight()), null);
        g.setClip(clip);
    }
}

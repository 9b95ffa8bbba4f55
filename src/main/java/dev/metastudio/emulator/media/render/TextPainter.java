package dev.metastudio.emulator.media.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;

/** Lays out and draws text (text layers and subtitles) with font fallback and wrapping. */
final class TextPainter {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private TextPainter() {
    }

    /** Lines of the text, wrapped to maxWidth pixels (0: only at line breaks). */
    static List<TextLayout> layout(String text, Font font, float maxWidth) {
        List<TextLayout> lines = new ArrayList<>();
        for (String paragraph : text.split("\r?\n", -1)) {
            if (paragraph.isEmpty()) {
                lines.add(new TextLayout(" ", font, FRC));
                continue;
            }
            AttributedCharacterIterator it = Fonts.styled(paragraph, font).getIterator();
            if (maxWidth <= 0) {
                lines.add(new TextLayout(it, FRC));
                continue;
            }
            LineBreakMeasurer measurer = new LineBreakMeasurer(it, FRC);
            while (measurer.getPosition() < paragraph.length()) {
                lines.add(measurer.nextLayout(maxWidth));
            }
        }
        return lines;
    }

    static float lineHeight(TextLayout l) {
        return l.getAscent() + l.getDescent() + l.getLeading();
    }

    /** Draws lines left-aligned from (x, y) = top-left of the first line. */
    static void drawLines(Graphics2D g, List<TextLayout> lines, float x, float y, Color color) {
        prepare(g);
        g.setColor(color);
        float baseline = y;
        for (TextLayout line : lines) {
            baseline += line.getAscent();
            line.draw(g, x, baseline);
            baseline += line.getDescent() + line.getLeading();
        }
    }

    /**
     * A subtitle as a transparent sprite: centred lines of white text with a dark outline and a soft shadow, readable
     * on any background.
     */
    static BufferedImage subtitleSprite(String text, Font font, int boxWidth) {
        List<TextLayout> lines = layout(text, font, boxWidth * 0.96f);
        float outline = Math.max(2f, font.getSize2D() / 12f);
        float height = 0;
        for (TextLayout l : lines) {
            height += lineHeight(l);
        }
        int pad = (int) Math.ceil(outline * 2 + 2);
        BufferedImage img = new BufferedImage(boxWidth, (int) Math.ceil(height) + 2 * pad, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        prepare(g);
        float baseline = pad;
        for (TextLayout line : lines) {
            baseline += line.getAscent();
            float x = (boxWidth - line.getAdvance()) / 2f;
            Shape glyphs = line.getOutline(AffineTransform.getTranslateInstance(x, baseline));
            g.setColor(new Color(0, 0, 0, 90));
            g.fill(AffineTransform.getTranslateInstance(outline * 0.6, outline * 0.9).createTransformedShape(glyphs));
            g.setStroke(new BasicStroke(outline * 2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(20, 20, 24, 230));
            g.draw(glyphs);
            g.setColor(Color.WHITE);
            g.fill(glyphs);
            baseline += line.getDescent() + line.getLeading();
        }
        g.dispose();
        return img;
    }

    private static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    static Color parseColor(String rgb, Color fallback) {
        if (rgb == null || rgb.isBlank()) {
            return fallback;
        }
        String hex = rgb.trim();
        if (hex.startsWith("#")) {
            hex = hex.substring(1);
        }
        if (!hex.matches("[0-9a-fA-F]{6}")) {
            return null;
        }
        return new Color(Integer.parseInt(hex, 16));
    }
}

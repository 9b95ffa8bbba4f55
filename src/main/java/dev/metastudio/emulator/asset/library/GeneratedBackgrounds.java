package dev.metastudio.emulator.asset.library;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/** The system background images, painted rather than shipped so the jar carries no binaries. */
final class GeneratedBackgrounds {

    record Background(String key, String name, int width, int height, Painter painter) {
    }

    interface Painter {
        void paint(Graphics2D g, int w, int h);
    }

    static final List<Background> ALL = List.of(
            new Background("studio-blue", "Studio Blue", 1920, 1080, GeneratedBackgrounds::studio),
            new Background("warm-office", "Warm Office", 1920, 1080, GeneratedBackgrounds::office),
            new Background("city-night", "City Night", 1920, 1080, GeneratedBackgrounds::city),
            new Background("news-desk", "News Desk", 1920, 1080, GeneratedBackgrounds::news),
            new Background("studio-blue-vertical", "Studio Blue (vertical)", 1080, 1920, GeneratedBackgrounds::studio),
            new Background("city-night-vertical", "City Night (vertical)", 1080, 1920, GeneratedBackgrounds::city));

    private GeneratedBackgrounds() {
    }

    static BufferedImage render(Background background) {
        BufferedImage image = new BufferedImage(background.width(), background.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        background.painter().paint(g, background.width(), background.height());
        g.dispose();
        return image;
    }

    private static void studio(Graphics2D g, int w, int h) {
        g.setPaint(new RadialGradientPaint(new Point2D.Float(w * 0.5f, h * 0.4f), Math.max(w, h) * 0.75f,
                new float[] {0f, 0.6f, 1f}, new Color[] {new Color(0x2F6DB5), new Color(0x153A6B), new Color(0x0A1A33)}));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 6; i++) {
            float x = w * (0.1f + i * 0.16f);
            g.setPaint(new RadialGradientPaint(new Point2D.Float(x, h * 0.18f), w * 0.08f,
                    new float[] {0f, 1f}, new Color[] {new Color(255, 255, 255, 70), new Color(255, 255, 255, 0)}));
            g.fill(new Ellipse2D.Float(x - w * 0.08f, h * 0.18f - w * 0.08f, w * 0.16f, w * 0.16f));
        }
        g.setPaint(new GradientPaint(0, h * 0.78f, new Color(0x0C2447), 0, h, new Color(0x050D1A)));
        g.fillRect(0, (int) (h * 0.78f), w, h);
        g.setColor(new Color(255, 255, 255, 40));
        g.setStroke(new BasicStroke(Math.max(2f, w / 640f)));
        g.drawLine(0, (int) (h * 0.78f), w, (int) (h * 0.78f));
    }

    private static void office(Graphics2D g, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, new Color(0xEFE4D2), 0, h, new Color(0xCDB89A)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 3; i++) {
            int x = (int) (w * (0.08 + i * 0.3));
            g.setPaint(new GradientPaint(x, 0, new Color(0xFFF8E6), x, h * 0.55f, new Color(0xE3EEF5)));
            g.fill(new Rectangle2D.Float(x, h * 0.1f, w * 0.22f, h * 0.45f));
            g.setColor(new Color(0x8C7355));
            g.setStroke(new BasicStroke(Math.max(3f, w / 480f)));
            g.draw(new Rectangle2D.Float(x, h * 0.1f, w * 0.22f, h * 0.45f));
            g.drawLine(x + (int) (w * 0.11f), (int) (h * 0.1f), x + (int) (w * 0.11f), (int) (h * 0.55f));
        }
        g.setColor(new Color(0x7A5C3E));
        g.fillRect(0, (int) (h * 0.72f), w, (int) (h * 0.04f));
        g.setColor(new Color(0x5E4630));
        g.fillRect(0, (int) (h * 0.76f), w, h);
    }

    private static void city(Graphics2D g, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x0B1026), 0, h * 0.8f, new Color(0x3B2A5C)));
        g.fillRect(0, 0, w, h);
        Random random = new Random(20211030L);
        int x = 0;
        while (x < w) {
            int bw = (int) (w * (0.04 + random.nextDouble() * 0.07));
            int bh = (int) (h * (0.25 + random.nextDouble() * 0.45));
            g.setColor(new Color(0x11152A));
            g.fillRect(x, h - bh, bw, bh);
            for (int wy = h - bh + 12; wy < h - 12; wy += Math.max(14, h / 60)) {
                for (int wx = x + 8; wx < x + bw - 8; wx += Math.max(12, w / 120)) {
                    if (random.nextDouble() < 0.35) {
                        g.setColor(new Color(255, 214, 120, 120 + random.nextInt(120)));
                        g.fillRect(wx, wy, Math.max(4, w / 320), Math.max(6, h / 160));
                    }
                }
            }
            x += bw + random.nextInt(6);
        }
    }

    private static void news(Graphics2D g, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, new Color(0xF5F6F8), w, h, new Color(0xD6DAE0)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0xB3001B));
        g.fillRect(0, (int) (h * 0.82f), w, (int) (h * 0.09f));
        g.setColor(new Color(0x1B2A4A));
        g.fillRect(0, (int) (h * 0.91f), w, h);
        g.setColor(new Color(27, 42, 74, 60));
        for (int i = 0; i < 12; i++) {
            g.fillRect((int) (w * i / 12f), 0, Math.max(2, w / 400), (int) (h * 0.82f));
        }
    }
}

package dev.metastudio.emulator.media.avatar;

import dev.metastudio.emulator.media.lipsync.Viseme;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Draws the parts of a presenter in model units: the face centre is (0,0), the eyes sit at y=-10, the chin near
 * y=130, the shoulders near y=260. A part never depends on the pose, so each can be rendered once into a sprite and
 * the animation only moves and swaps sprites.
 */
final class AvatarPainter {

    static final double EYE_Y = -10;
    static final double EYE_X = 38;
    static final double MOUTH_Y = 80;

    private final AvatarStyle s;

    AvatarPainter(AvatarStyle style) {
        this.s = style;
    }

    // ---------------------------------------------------------------- hair behind the figure

    void paintBackHair(Graphics2D g) {
        switch (s.hairStyle()) {
            case LONG_WAVY -> {
                Path2D p = new Path2D.Double();
                p.moveTo(0, -160);
                p.curveTo(120, -165, 150, -60, 145, 40);
                p.curveTo(140, 120, 175, 190, 160, 260);
                p.curveTo(150, 320, 185, 360, 150, 400);
                p.curveTo(110, 420, 70, 380, 60, 330);
                p.lineTo(-60, 330);
                p.curveTo(-70, 380, -110, 420, -150, 400);
                p.curveTo(-185, 360, -150, 320, -160, 260);
                p.curveTo(-175, 190, -140, 120, -145, 40);
                p.curveTo(-150, -60, -120, -165, 0, -160);
                p.closePath();
                g.setPaint(new GradientPaint(0, -160, s.hairHighlight(), 0, 400, darker(s.hair(), 0.75)));
                g.fill(p);
                strands(g, p, 14, 60, 390);
            }
            case BOB_BANGS -> {
                Path2D p = new Path2D.Double();
                p.moveTo(0, -165);
                p.curveTo(125, -165, 150, -60, 145, 60);
                p.curveTo(143, 120, 150, 150, 138, 168);
                p.lineTo(-138, 168);
                p.curveTo(-150, 150, -143, 120, -145, 60);
                p.curveTo(-150, -60, -125, -165, 0, -165);
                p.closePath();
                g.setPaint(new GradientPaint(0, -165, s.hairHighlight(), 0, 170, darker(s.hair(), 0.8)));
                g.fill(p);
                strands(g, p, 10, 40, 165);
            }
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- body: neck, torso, clothes, arms

    void paintBody(Graphics2D g, boolean portrait) {
        // Drawn a little higher than its coordinates say: a shorter neck reads as a more natural build.
        g.translate(0, -12);
        double bottom = portrait ? 1120 : 640;
        // Neck first, the collar and the head then cover its ends.
        double neck = s.female() ? 33 : 41;
        Path2D neckShape = new Path2D.Double();
        neckShape.moveTo(-neck, 60);
        neckShape.lineTo(neck, 60);
        neckShape.curveTo(neck, 150, neck + 6, 190, neck + 22, 225);
        neckShape.lineTo(-neck - 22, 225);
        neckShape.curveTo(-neck - 6, 190, -neck, 150, -neck, 60);
        neckShape.closePath();
        g.setPaint(new GradientPaint((float) -neck, 0, s.skinShadow(), (float) (neck * 0.4), 0, s.skin()));
        g.fill(neckShape);
        // Shadow cast by the chin onto the neck.
        g.setPaint(new GradientPaint(0, 110, withAlpha(darker(s.skinShadow(), 0.8), 150), 0, 165,
                withAlpha(s.skinShadow(), 0)));
        g.fill(neckShape);

        double shoulder = s.female() ? 190 : 222;
        Path2D torso = new Path2D.Double();
        torso.moveTo(-neck - 14, 205);
        torso.curveTo(-neck - 60, 222, -shoulder + 40, 232, -shoulder + 8, 250);
        torso.curveTo(-shoulder - 22, 268, -shoulder - 30, 320, -shoulder - 28, 400);
        if (portrait) {
            torso.curveTo(-shoulder - 30, 600, -shoulder - 20, 800, -shoulder + 10, bottom);
            torso.lineTo(shoulder - 10, bottom);
            torso.curveTo(shoulder + 20, 800, shoulder + 30, 600, shoulder + 28, 400);
        } else {
            torso.lineTo(-shoulder - 30, bottom);
            torso.lineTo(shoulder + 30, bottom);
            torso.lineTo(shoulder + 28, 400);
        }
        torso.curveTo(shoulder + 30, 320, shoulder + 22, 268, shoulder - 8, 250);
        torso.curveTo(shoulder - 40, 232, neck + 60, 222, neck + 14, 205);
        torso.closePath();

        switch (s.clothes()) {
            case BLAZER_BLOUSE -> blazer(g, torso, neck, shoulder, bottom, false);
            case SUIT_TIE -> blazer(g, torso, neck, shoulder, bottom, true);
            case ROUND_NECK -> roundNeck(g, torso, neck, bottom);
            case SWEATER_COLLAR -> sweater(g, torso, neck, bottom);
        }
        if (portrait) {
            arms(g, shoulder);
        }
    }

    private void blazer(Graphics2D g, Shape torso, double neck, double shoulder, double bottom, boolean tie) {
        Color shirt = s.clothesSecond();
        // Shirt/blouse visible in the opening.
        Path2D v = new Path2D.Double();
        v.moveTo(-neck - 16, 205);
        v.lineTo(neck + 16, 205);
        v.lineTo(0, 470);
        v.closePath();
        g.setPaint(new GradientPaint(0, 200, shirt, 0, 470, darker(shirt, 0.88)));
        g.fill(torso);
        // Jacket over everything except the V.
        Area jacket = new Area(torso);
        Path2D opening = new Path2D.Double();
        opening.moveTo(-neck - 10, 200);
        opening.lineTo(neck + 10, 200);
        opening.lineTo(12, tie ? 430 : 400);
        opening.lineTo(-12, tie ? 430 : 400);
        opening.closePath();
        jacket.subtract(new Area(opening));
        g.setPaint(clothPaint(s.clothesMain(), shoulder, bottom));
        g.fill(jacket);
        shadeSides(g, jacket, shoulder);
        if (tie) {
            collarPoints(g, neck, shirt);
            Path2D knot = new Path2D.Double();
            knot.moveTo(-14, 222);
            knot.lineTo(14, 222);
            knot.lineTo(9, 248);
            knot.lineTo(-9, 248);
            knot.closePath();
            Path2D blade = new Path2D.Double();
            blade.moveTo(-9, 246);
            blade.lineTo(9, 246);
            blade.lineTo(22, 420);
            blade.lineTo(0, 446);
            blade.lineTo(-22, 420);
            blade.closePath();
            g.setPaint(new GradientPaint(-20, 0, darker(s.accent(), 0.8), 20, 0, brighter(s.accent(), 1.15)));
            g.fill(blade);
            g.fill(knot);
            g.setStroke(new BasicStroke(3f));
            g.setColor(withAlpha(brighter(s.accent(), 1.5), 90));
            for (int i = 0; i < 6; i++) {
                double y = 280 + i * 28;
                g.draw(new java.awt.geom.Line2D.Double(-14, y, 14, y + 12));
            }
        } else {
            // Blouse neckline with a small pendant.
            g.setPaint(withAlpha(darker(shirt, 0.8), 160));
            g.setStroke(new BasicStroke(2.5f));
            Path2D neckline = new Path2D.Double();
            neckline.moveTo(-neck - 8, 212);
            neckline.quadTo(0, 300, neck + 8, 212);
            g.draw(neckline);
            g.setColor(s.accent());
            g.setStroke(new BasicStroke(1.6f));
            Path2D chain = new Path2D.Double();
            chain.moveTo(-neck + 4, 200);
            chain.quadTo(0, 268, neck - 4, 200);
            g.draw(chain);
            g.setPaint(new RadialGradientPaint(new Point2D.Double(-2, 262), 9, new float[]{0f, 1f},
                    new Color[]{brighter(s.accent(), 1.4), darker(s.accent(), 0.7)}));
            g.fill(new Ellipse2D.Double(-6, 256, 12, 14));
        }
        lapels(g, neck, shoulder, tie);
        // Buttons.
        g.setColor(darker(s.clothesMain(), 0.55));
        for (int i = 0; i < 2; i++) {
            double y = (tie ? 470 : 440) + i * 70;
            if (y < bottom - 10) {
                g.fill(new Ellipse2D.Double(-7, y, 14, 14));
            }
        }
    }

    private void lapels(Graphics2D g, double neck, double shoulder, boolean tie) {
        for (int side = -1; side <= 1; side += 2) {
            Path2D lapel = new Path2D.Double();
            lapel.moveTo(side * (neck + 10), 200);
            lapel.lineTo(side * 12, tie ? 430 : 400);
            lapel.lineTo(side * 46, 330);
            lapel.lineTo(side * 88, 300);
            lapel.lineTo(side * (neck + 44), 240);
            lapel.closePath();
            g.setPaint(new GradientPaint(0, 200, brighter(s.clothesMain(), 1.12), (float) (side * 90), 330,
                    darker(s.clothesMain(), 0.9)));
            g.fill(lapel);
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(withAlpha(darker(s.clothesMain(), 0.5), 200));
            g.draw(lapel);
        }
    }

    private void collarPoints(Graphics2D g, double neck, Color shirt) {
        for (int side = -1; side <= 1; side += 2) {
            Path2D c = new Path2D.Double();
            c.moveTo(side * 2, 222);
            c.lineTo(side * (neck + 8), 196);
            c.lineTo(side * (neck + 14), 226);
            c.lineTo(side * 26, 266);
            c.closePath();
            g.setPaint(new GradientPaint(0, 196, brighter(shirt, 1.05), 0, 266, darker(shirt, 0.85)));
            g.fill(c);
            g.setColor(withAlpha(darker(shirt, 0.6), 170));
            g.setStroke(new BasicStroke(1.5f));
            g.draw(c);
        }
    }

    private void roundNeck(Graphics2D g, Shape torso, double neck, double bottom) {
        g.setPaint(clothPaint(s.clothesMain(), 200, bottom));
        g.fill(torso);
        Area body = new Area(torso);
        shadeSides(g, body, 200);
        // Skin of the neckline, then the trim around it.
        Path2D neckline = new Path2D.Double();
        neckline.moveTo(-neck - 30, 206);
        neckline.curveTo(-neck - 20, 260, neck + 20, 260, neck + 30, 206);
        neckline.closePath();
        g.setPaint(new GradientPaint(0, 200, s.skin(), 0, 258, s.skinShadow()));
        g.fill(neckline);
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(s.clothesSecond());
        Path2D trim = new Path2D.Double();
        trim.moveTo(-neck - 30, 206);
        trim.curveTo(-neck - 20, 260, neck + 20, 260, neck + 30, 206);
        g.draw(trim);
        // Pearl necklace.
        for (int i = -6; i <= 6; i++) {
            double t = i / 7.0;
            double x = t * (neck + 12);
            double y = 222 + 26 * (1 - t * t);
            g.setPaint(new RadialGradientPaint(new Point2D.Double(x - 1.5, y - 1.5), 5, new float[]{0f, 1f},
                    new Color[]{Color.WHITE, darker(s.accent(), 0.8)}));
            g.fill(new Ellipse2D.Double(x - 4, y - 4, 8, 8));
        }
    }

    private void sweater(Graphics2D g, Shape torso, double neck, double bottom) {
        g.setPaint(clothPaint(s.clothesMain(), 220, bottom));
        g.fill(torso);
        shadeSides(g, new Area(torso), 220);
        // Shirt collar inside the crew neck.
        collarPoints(g, neck, s.clothesSecond());
        g.setStroke(new BasicStroke(16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(darker(s.clothesMain(), 0.85));
        Path2D rib = new Path2D.Double();
        rib.moveTo(-neck - 24, 206);
        rib.curveTo(-neck - 14, 250, neck + 14, 250, neck + 24, 206);
        g.draw(rib);
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(withAlpha(darker(s.clothesMain(), 0.6), 120));
        for (int i = -8; i <= 8; i++) {
            double t = i / 9.0;
            double x = t * (neck + 20);
            double y = 214 + 24 * (1 - t * t);
            g.draw(new java.awt.geom.Line2D.Double(x, y - 7, x * 1.02, y + 7));
        }
    }

    private void arms(Graphics2D g, double shoulder) {
        for (int side = -1; side <= 1; side += 2) {
            Path2D arm = new Path2D.Double();
            arm.moveTo(side * (shoulder - 10), 262);
            arm.curveTo(side * (shoulder + 40), 300, side * (shoulder + 45), 520, side * (shoulder + 26), 700);
            arm.curveTo(side * (shoulder + 10), 790, side * 120, 860, side * 40, 880);
            arm.lineTo(side * 30, 820);
            arm.curveTo(side * 90, 800, side * (shoulder - 30), 740, side * (shoulder - 40), 660);
            arm.curveTo(side * (shoulder - 50), 520, side * (shoulder - 60), 380, side * (shoulder - 70), 320);
            arm.closePath();
            g.setPaint(clothPaint(darker(s.clothesMain(), 0.86), shoulder, 900));
            g.fill(arm);
            // A soft shadow where the sleeve lies against the body.
            Shape clip = g.getClip();
            g.clip(arm);
            g.setStroke(new BasicStroke(18f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(withAlpha(Color.BLACK, 40));
            g.draw(arm);
            g.setClip(clip);
            g.setColor(withAlpha(darker(s.clothesMain(), 0.4), 170));
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(arm);
        }
        // Clasped hands.
        Shape hands = new RoundRectangle2D.Double(-52, 812, 104, 84, 60, 60);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(-15, 835), 80, new float[]{0f, 1f},
                new Color[]{brighter(s.skin(), 1.03), s.skinShadow()}));
        g.fill(hands);
        g.setColor(withAlpha(darker(s.skinShadow(), 0.75), 170));
        g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 3; i++) {
            double x = -30 + i * 20;
            g.draw(new java.awt.geom.QuadCurve2D.Double(x, 842, x + 6, 860, x + 2, 884));
        }
        g.draw(new java.awt.geom.QuadCurve2D.Double(-40, 828, 0, 820, 36, 834));
    }

    private Color[] fabric(Color c) {
        return new Color[]{brighter(c, 1.16), c, darker(c, 0.78)};
    }

    private MultipleGradientPaint clothPaint(Color c, double width, double bottom) {
        return new java.awt.LinearGradientPaint(new Point2D.Double(-width * 0.6, 200),
                new Point2D.Double(width * 0.7, bottom), new float[]{0f, 0.45f, 1f}, fabric(c));
    }

    /** Darkens the flanks of the torso so it reads as round, not flat. */
    private void shadeSides(Graphics2D g, Area torso, double width) {
        Shape clip = g.getClip();
        g.clip(torso);
        for (int side = -1; side <= 1; side += 2) {
            g.setPaint(new GradientPaint((float) (side * width * 0.55), 0, withAlpha(Color.BLACK, 0),
                    (float) (side * (width + 30)), 0, withAlpha(Color.BLACK, 80)));
            g.fill(torso);
        }
        g.setPaint(new GradientPaint(0, 205, withAlpha(Color.BLACK, 60), 0, 260, withAlpha(Color.BLACK, 0)));
        g.fill(torso);
        g.setClip(clip);
    }

    // ---------------------------------------------------------------- head: ears, face, nose, brows, hair

    Shape faceShape() {
        AvatarStyle.FaceShape f = s.faceShape();
        Path2D p = new Path2D.Double();
        p.moveTo(0, -122);
        p.curveTo(f.cheek * 0.62, -124, f.cheek, -88, f.cheek, -30);
        p.curveTo(f.cheek + 1, 25, f.jaw + 12, 70, f.jaw, 98);
        p.curveTo(f.jaw - 12, 118, 36, f.chin - 2, 0, f.chin);
        p.curveTo(-36, f.chin - 2, -(f.jaw - 12), 118, -f.jaw, 98);
        p.curveTo(-(f.jaw + 12), 70, -(f.cheek + 1), 25, -f.cheek, -30);
        p.curveTo(-f.cheek, -88, -f.cheek * 0.62, -124, 0, -122);
        p.closePath();
        return p;
    }

    void paintHead(Graphics2D g) {
        AvatarStyle.FaceShape f = s.faceShape();
        if (s.hairStyle() == AvatarStyle.HairStyle.SIDE_PART || s.hairStyle() == AvatarStyle.HairStyle.TEXTURED_CROP) {
            ears(g, f);
        }
        Shape face = faceShape();
        g.setPaint(new RadialGradientPaint(new Point2D.Double(-18, -20), 170, new Point2D.Double(-30, -40),
                new float[]{0f, 0.55f, 1f}, new Color[]{brighter(s.skin(), 1.04), s.skin(), s.skinShadow()},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(face);
        Shape clip = g.getClip();
        g.clip(face);
        // Soft shading under the brow ridge, the cheekbones and along the jaw.
        for (int side = -1; side <= 1; side += 2) {
            g.setPaint(new RadialGradientPaint(new Point2D.Double(side * EYE_X, EYE_Y - 6), 34,
                    new float[]{0f, 1f}, new Color[]{withAlpha(s.skinShadow(), 70), withAlpha(s.skinShadow(), 0)}));
            g.fill(new Ellipse2D.Double(side * EYE_X - 34, EYE_Y - 40, 68, 68));
            Color blush = s.female() ? new Color(232, 120, 120, 70) : new Color(200, 110, 90, 28);
            g.setPaint(new RadialGradientPaint(new Point2D.Double(side * 58, 42), 30, new float[]{0f, 1f},
                    new Color[]{blush, withAlpha(blush, 0)}));
            g.fill(new Ellipse2D.Double(side * 58 - 30, 12, 60, 60));
        }
        g.setPaint(new GradientPaint(0, 95, withAlpha(s.skinShadow(), 0), 0, (float) (f.chin + 5),
                withAlpha(darker(s.skinShadow(), 0.9), 90)));
        g.fill(face);
        g.setClip(clip);
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(withAlpha(darker(s.skinShadow(), 0.7), 90));
        g.draw(face);
        nose(g);
        brows(g);
        frontHair(g);
    }

    private void ears(Graphics2D g, AvatarStyle.FaceShape f) {
        for (int side = -1; side <= 1; side += 2) {
            double x = side * (f.cheek - 6);
            Path2D ear = new Path2D.Double();
            ear.moveTo(x, -28);
            ear.curveTo(x + side * 26, -40, x + side * 30, 10, x + side * 16, 34);
            ear.curveTo(x + side * 8, 44, x, 40, x, 30);
            ear.closePath();
            g.setPaint(new GradientPaint((float) x, 0, s.skinShadow(), (float) (x + side * 26), 0, s.skin()));
            g.fill(ear);
            g.setColor(withAlpha(darker(s.skinShadow(), 0.7), 150));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new java.awt.geom.QuadCurve2D.Double(x + side * 8, -20, x + side * 22, 0, x + side * 10, 24));
        }
    }

    private void nose(Graphics2D g) {
        g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(withAlpha(darker(s.skinShadow(), 0.85), 150));
        Path2D bridge = new Path2D.Double();
        bridge.moveTo(8, 0);
        bridge.curveTo(12, 18, 16, 30, 14, 40);
        g.draw(bridge);
        Path2D base = new Path2D.Double();
        base.moveTo(-16, 44);
        base.curveTo(-10, 52, -4, 50, 0, 52);
        base.curveTo(4, 50, 10, 52, 16, 44);
        g.setStroke(new BasicStroke(2.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(withAlpha(darker(s.skinShadow(), 0.7), 170));
        g.draw(base);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(-4, 36), 10, new float[]{0f, 1f},
                new Color[]{withAlpha(Color.WHITE, 70), withAlpha(Color.WHITE, 0)}));
        g.fill(new Ellipse2D.Double(-14, 26, 20, 20));
    }

    private void brows(Graphics2D g) {
        Color brow = darker(s.hair(), s.female() ? 1.0 : 0.9);
        float width = s.female() ? 5.5f : 8.5f;
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(withAlpha(brighter(brow, 1.1), 235));
        for (int side = -1; side <= 1; side += 2) {
            Path2D b = new Path2D.Double();
            b.moveTo(side * 16, -40);
            b.curveTo(side * 30, -50, side * 48, -54, side * 64, -44);
            g.draw(b);
        }
    }

    private void frontHair(Graphics2D g) {
        AvatarStyle.FaceShape f = s.faceShape();
        Path2D p = new Path2D.Double();
        switch (s.hairStyle()) {
            case LONG_WAVY -> {
                p.moveTo(-f.cheek - 14, 40);
                p.curveTo(-f.cheek - 22, -80, -90, -162, 10, -160);
                p.curveTo(110, -160, f.cheek + 24, -90, f.cheek + 16, 30);
                p.curveTo(f.cheek + 14, 90, f.cheek + 30, 160, f.cheek + 8, 230);
                p.curveTo(f.cheek - 6, 180, f.cheek - 8, 90, f.cheek - 8, 20);
                p.curveTo(f.cheek - 12, -40, 60, -100, 20, -96);
                p.curveTo(-20, -92, -70, -70, -f.cheek + 4, -20);
                p.curveTo(-f.cheek + 4, 60, -f.cheek - 2, 160, -f.cheek - 20, 220);
                p.curveTo(-f.cheek - 34, 160, -f.cheek - 12, 100, -f.cheek - 14, 40);
                p.closePath();
            }
            case SIDE_PART -> {
                p.moveTo(-f.cheek - 6, 0);
                p.curveTo(-f.cheek - 14, -110, -60, -170, 20, -162);
                p.curveTo(100, -158, f.cheek + 16, -110, f.cheek + 6, -4);
                p.lineTo(f.cheek - 6, -20);
                p.curveTo(f.cheek - 10, -70, 70, -92, 30, -96);
                p.curveTo(-10, -100, -40, -92, -56, -104);
                p.curveTo(-70, -84, -f.cheek + 6, -70, -f.cheek + 6, -20);
                p.closePath();
            }
            case BOB_BANGS -> {
                p.moveTo(-f.cheek - 18, 150);
                p.curveTo(-f.cheek - 26, -60, -90, -168, 0, -166);
                p.curveTo(90, -168, f.cheek + 26, -60, f.cheek + 18, 150);
                p.curveTo(f.cheek + 4, 156, f.cheek - 4, 120, f.cheek - 6, 60);
                p.curveTo(f.cheek - 8, 0, f.cheek - 10, -40, 80, -56);
                p.curveTo(40, -48, -40, -46, -80, -56);
                p.curveTo(-f.cheek + 10, -40, -f.cheek + 8, 0, -f.cheek + 6, 60);
                p.curveTo(-f.cheek + 4, 120, -f.cheek - 4, 156, -f.cheek - 18, 150);
                p.closePath();
            }
            case TEXTURED_CROP -> {
                p.moveTo(-f.cheek - 4, -10);
                p.curveTo(-f.cheek - 12, -100, -80, -150, -50, -158);
                double[] xs = {-40, -20, 0, 20, 40, 60, 80};
                for (int i = 0; i < xs.length; i++) {
                    p.lineTo(xs[i] - 4, -172 + (i % 2) * 12);
                    p.lineTo(xs[i] + 6, -156);
                }
                p.curveTo(f.cheek + 10, -120, f.cheek + 10, -60, f.cheek + 2, -10);
                p.lineTo(f.cheek - 6, -30);
                p.curveTo(f.cheek - 10, -80, 60, -100, 40, -92);
                p.lineTo(20, -104);
                p.lineTo(0, -94);
                p.lineTo(-24, -106);
                p.lineTo(-44, -94);
                p.curveTo(-70, -88, -f.cheek + 8, -76, -f.cheek + 6, -30);
                p.closePath();
            }
        }
        g.setPaint(new GradientPaint(-40, -170, s.hairHighlight(), 40, 40, s.hair()));
        g.fill(p);
        strands(g, p, 12, -160, 200);
        // A sheen band gives the hair volume.
        Shape clip = g.getClip();
        g.clip(p);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(-30, -130), 60, new float[]{0f, 1f},
                new Color[]{withAlpha(brighter(s.hairHighlight(), 1.3), 90), withAlpha(s.hairHighlight(), 0)}));
        g.fill(new Ellipse2D.Double(-100, -190, 140, 120));
        g.setClip(clip);
    }

    /** Fine strokes inside the hair mass, light and dark, for texture. */
    private void strands(Graphics2D g, Shape hair, int count, double top, double bottom) {
        Shape clip = g.getClip();
        g.clip(hair);
        java.util.Random r = new java.util.Random(s.hair().getRGB());
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        java.awt.Rectangle b = hair.getBounds();
        for (int i = 0; i < count * 2; i++) {
            double x = b.x + r.nextDouble() * b.width;
            boolean light = i % 2 == 0;
            g.setColor(withAlpha(light ? brighter(s.hairHighlight(), 1.2) : darker(s.hair(), 0.6), light ? 60 : 90));
            Path2D strand = new Path2D.Double();
            strand.moveTo(x, top);
            strand.curveTo(x + (r.nextDouble() - 0.5) * 60, top + (bottom - top) * 0.33,
                    x + (r.nextDouble() - 0.5) * 60, top + (bottom - top) * 0.66, x + (r.nextDouble() - 0.5) * 40,
                    bottom);
            g.draw(strand);
        }
        g.setClip(clip);
    }

    // ---------------------------------------------------------------- eyes, in three lid states

    enum Eyes { OPEN, HALF, CLOSED }

    void paintEyes(Graphics2D g, Eyes state) {
        for (int side = -1; side <= 1; side += 2) {
            double cx = side * EYE_X;
            double w = s.female() ? 24 : 22;
            double h = s.female() ? 13 : 11;
            Path2D eye = new Path2D.Double();
            eye.moveTo(cx - w, EYE_Y);
            eye.curveTo(cx - w * 0.5, EYE_Y - h * 1.5, cx + w * 0.6, EYE_Y - h * 1.5, cx + w, EYE_Y - 1);
            eye.curveTo(cx + w * 0.5, EYE_Y + h * 1.1, cx - w * 0.5, EYE_Y + h * 1.1, cx - w, EYE_Y);
            eye.closePath();
            if (state == Eyes.CLOSED) {
                g.setPaint(s.skin());
                g.fill(eye);
                g.setColor(darker(s.hair(), 0.7));
                g.setStroke(new BasicStroke(s.female() ? 3.2f : 2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new java.awt.geom.QuadCurve2D.Double(cx - w, EYE_Y + 1, cx, EYE_Y + h * 0.9, cx + w,
                        EYE_Y));
                continue;
            }
            g.setPaint(new GradientPaint(0, (float) (EYE_Y - h), new Color(0xE9E4E0), 0, (float) (EYE_Y + h),
                    new Color(0xFBFAF8)));
            g.fill(eye);
            Shape clip = g.getClip();
            g.clip(eye);
            double r = h * 1.05;
            g.setPaint(new RadialGradientPaint(new Point2D.Double(cx, EYE_Y + 1), (float) r, new float[]{0f, 0.7f, 1f},
                    new Color[]{brighter(s.iris(), 1.4), s.iris(), darker(s.iris(), 0.55)}));
            g.fill(new Ellipse2D.Double(cx - r, EYE_Y + 1 - r, 2 * r, 2 * r));
            g.setColor(new Color(0x120C0A));
            g.fill(new Ellipse2D.Double(cx - r * 0.45, EYE_Y + 1 - r * 0.45, r * 0.9, r * 0.9));
            g.setColor(withAlpha(Color.WHITE, 230));
            g.fill(new Ellipse2D.Double(cx + r * 0.15, EYE_Y - r * 0.55, r * 0.42, r * 0.42));
            // The upper lid casts a shadow on the eyeball.
            g.setPaint(new GradientPaint(0, (float) (EYE_Y - h), withAlpha(Color.BLACK, 70), 0, (float) (EYE_Y - h / 3),
                    withAlpha(Color.BLACK, 0)));
            g.fill(eye);
            if (state == Eyes.HALF) {
                g.setPaint(s.skin());
                g.fill(new java.awt.geom.Rectangle2D.Double(cx - w - 2, EYE_Y - h * 2, 2 * w + 4, h * 2.2));
            }
            g.setClip(clip);
            double lidY = state == Eyes.HALF ? EYE_Y + h * 0.2 : EYE_Y;
            g.setColor(darker(s.hair(), 0.6));
            g.setStroke(new BasicStroke(s.female() ? 3.6f : 2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D lid = new Path2D.Double();
            if (state == Eyes.HALF) {
                lid.moveTo(cx - w, EYE_Y);
                lid.quadTo(cx, lidY - 2, cx + w, EYE_Y - 1);
            } else {
                lid.moveTo(cx - w, EYE_Y);
                lid.curveTo(cx - w * 0.5, EYE_Y - h * 1.5, cx + w * 0.6, EYE_Y - h * 1.5, cx + w, EYE_Y - 1);
            }
            g.draw(lid);
            if (s.female()) {
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                double outer = cx + side * w;
                g.draw(new java.awt.geom.Line2D.Double(outer, lidY - 1, outer + side * 7, lidY - 7));
                g.draw(new java.awt.geom.Line2D.Double(outer - side * 5, lidY - 5, outer + side * 1, lidY - 12));
            }
            // Crease above the lid.
            g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(withAlpha(darker(s.skinShadow(), 0.75), 130));
            g.draw(new java.awt.geom.QuadCurve2D.Double(cx - w * 0.8, EYE_Y - h * 1.3, cx, EYE_Y - h * 2.3,
                    cx + w * 0.9, EYE_Y - h * 1.2));
        }
    }

    // ---------------------------------------------------------------- mouth: a viseme's shape, opened as far as asked

    /** Jaw travel, in model units, of a mouth open 1.0. */
    static final double FULL_OPENING_UNITS = 30;

    /**
     * @param openness 0..1 of {@link #FULL_OPENING_UNITS}; the shape decides width, rounding, teeth and tongue, and a
     *                 closed shape (A, X) stays closed whatever it says
     */
    void paintMouth(Graphics2D g, Viseme v, double openness) {
        double halfWidth = 19 + 16 * v.width();
        double open = v.opening() == 0 ? 0 : FULL_OPENING_UNITS * openness;
        double cy = MOUTH_Y;
        Color lip = s.lips();
        Color upperLip = darker(lip, 0.88);
        if (open < 1) {
            // Closed: two lips meeting on a gently curved line; A presses them thinner.
            double thick = v == Viseme.A ? 0.7 : 1.0;
            Path2D upper = new Path2D.Double();
            upper.moveTo(-halfWidth, cy);
            upper.curveTo(-halfWidth * 0.5, cy - 7 * thick, -6, cy - 9 * thick, 0, cy - 6 * thick);
            upper.curveTo(6, cy - 9 * thick, halfWidth * 0.5, cy - 7 * thick, halfWidth, cy);
            upper.quadTo(0, cy + 2, -halfWidth, cy);
            upper.closePath();
            Path2D lower = new Path2D.Double();
            lower.moveTo(-halfWidth, cy);
            lower.quadTo(0, cy + 2, halfWidth, cy);
            lower.curveTo(halfWidth * 0.5, cy + 11 * thick, -halfWidth * 0.5, cy + 11 * thick, -halfWidth, cy);
            lower.closePath();
            g.setPaint(upperLip);
            g.fill(upper);
            g.setPaint(new GradientPaint(0, (float) cy, lip, 0, (float) (cy + 11), brighter(lip, 1.12)));
            g.fill(lower);
            g.setColor(darker(lip, 0.55));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new java.awt.geom.QuadCurve2D.Double(-halfWidth, cy, 0, cy + 2, halfWidth, cy));
            return;
        }
        // Open: every part inside the mouth scales with the opening (no fixed-size teeth or tongue covering a small
        // gap), so what a viewer sees open grows in proportion to the openness from its first step; the jaw's travel is
        // mostly downward. The lips are stroked along the opening's edge and the inside painted over their inner half,
        // so the lips' outer contour stays where the opening plus their thickness puts it.
        boolean round = v == Viseme.E || v == Viseme.F;
        double lipThick = round ? 8 : 6;
        double w = (round ? halfWidth * 0.85 : halfWidth) - lipThick / 2;
        // Rounded lips are narrower and open taller, as an "o" does.
        double tall = round ? 1.3 : 1.0;
        double top = cy - open * 0.25 * tall;
        double bottom = cy + open * 0.8 * tall;
        // Bezier curves with both control points at top (bottom) reach 3/4 of the way there.
        double topEdge = cy + 0.75 * (top - cy);
        double bottomEdge = cy + 0.75 * (bottom - cy);
        g.setStroke(new BasicStroke((float) (2 * lipThick), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D upper = new Path2D.Double();
        upper.moveTo(-w, cy);
        upper.curveTo(-w * 0.6, top - 1, -4, top - 3, 0, top);
        upper.curveTo(4, top - 3, w * 0.6, top - 1, w, cy);
        g.setColor(upperLip);
        g.draw(upper);
        Path2D lower = new Path2D.Double();
        lower.moveTo(w, cy);
        lower.curveTo(w * 0.6, bottom + 1, -w * 0.6, bottom + 1, -w, cy);
        g.setPaint(new GradientPaint(0, (float) bottomEdge, lip, 0, (float) (bottomEdge + 2 * lipThick),
                brighter(lip, 1.12)));
        g.draw(lower);
        Path2D inner = new Path2D.Double();
        inner.moveTo(-w, cy);
        inner.curveTo(-w * 0.6, top, w * 0.6, top, w, cy);
        inner.curveTo(w * 0.6, bottom, -w * 0.6, bottom, -w, cy);
        inner.closePath();
        g.setColor(new Color(0x3B1217));
        g.fill(inner);
        Shape clip = g.getClip();
        g.clip(inner);
        if (v == Viseme.H) {
            // Tongue tip raised to the ridge behind the upper teeth.
            g.setColor(new Color(0xB24A55));
            g.fill(new Ellipse2D.Double(-w * 0.35, topEdge + open * 0.12, w * 0.7, open * 0.45));
        } else {
            g.setPaint(new RadialGradientPaint(new Point2D.Double(0, bottomEdge), (float) Math.max(1, w * 0.8),
                    new float[]{0f, 1f}, new Color[]{new Color(0xC5545E), new Color(0x8A2C36)}));
            g.fill(new Ellipse2D.Double(-w * 0.6, bottomEdge - open * 0.22, w * 1.2, open));
        }
        if (v != Viseme.F) {
            // Upper teeth always (puckered lips hide them), lower teeth where the jaw is only slightly dropped.
            g.setColor(new Color(0xF4F1EA));
            g.fill(new RoundRectangle2D.Double(-w * 0.78, topEdge - 2, w * 1.56, 2 + open * 0.2, 5, 5));
            if (v == Viseme.B || v == Viseme.G) {
                g.fill(new RoundRectangle2D.Double(-w * 0.7, bottomEdge - open * 0.18, w * 1.4, 2 + open * 0.18, 5,
                        5));
            }
        }
        g.setClip(clip);
        if (v == Viseme.G) {
            // Lower lip tucked under the upper teeth.
            g.setColor(lip);
            g.fill(new Ellipse2D.Double(-w * 0.75, cy + open * 0.1 - 1, w * 1.5, 3 + open * 0.4));
        }
    }

    // ---------------------------------------------------------------- overlay on the face (glasses)

    boolean hasFrontOverlay() {
        return s.glasses();
    }

    void paintFront(Graphics2D g) {
        if (!s.glasses()) {
            return;
        }
        g.setStroke(new BasicStroke(4.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int side = -1; side <= 1; side += 2) {
            Shape lens = new RoundRectangle2D.Double(side * EYE_X - 33, EYE_Y - 24, 66, 44, 22, 22);
            g.setPaint(new GradientPaint(0, (float) (EYE_Y - 24), new Color(255, 255, 255, 40), 0,
                    (float) (EYE_Y + 20), new Color(180, 210, 230, 20)));
            g.fill(lens);
            g.setColor(s.accent());
            g.draw(lens);
            g.setColor(withAlpha(Color.WHITE, 80));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new java.awt.geom.Line2D.Double(side * EYE_X - 20, EYE_Y - 14, side * EYE_X - 8, EYE_Y - 18));
            g.setStroke(new BasicStroke(4.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(s.accent());
            g.draw(new java.awt.geom.Line2D.Double(side * (EYE_X + 33), EYE_Y - 10, side * (s.faceShape().cheek + 2),
                    EYE_Y - 14));
        }
        g.draw(new java.awt.geom.QuadCurve2D.Double(-EYE_X + 33, EYE_Y - 8, 0, EYE_Y - 16, EYE_X - 33, EYE_Y - 8));
    }

    // ---------------------------------------------------------------- colour helpers

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0, Math.min(255, alpha)));
    }

    static Color darker(Color c, double factor) {
        return new Color(clamp(c.getRed() * factor), clamp(c.getGreen() * factor), clamp(c.getBlue() * factor),
                c.getAlpha());
    }

    static Color brighter(Color c, double factor) {
        return new Color(clamp(c.getRed() * factor + 6 * (factor - 1) * 10), clamp(c.getGreen() * factor
                + 6 * (factor - 1) * 10), clamp(c.getBlue() * factor + 6 * (factor - 1) * 10), c.getAlpha());
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}

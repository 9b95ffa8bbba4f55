package dev.metastudio.emulator.media.avatar;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.lipsync.Viseme;
import dev.metastudio.emulator.media.speech.Sex;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvatarTest {

    @Test
    void catalogueHasTheFourSeededLooksInBothFramings() {
        assertThat(AvatarCatalogue.looks()).extracting(AvatarLook::id).containsExactly("anna", "david", "mei", "kenji");
        assertThat(AvatarCatalogue.looks()).extracting(AvatarLook::sex)
                .containsExactly(Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.MALE);
        assertThat(AvatarCatalogue.looks()).allSatisfy(l -> {
            assertThat(l.framings()).isEqualTo(EnumSet.allOf(Framing.class));
            assertThat(l.displayName()).isNotBlank();
        });
        assertThatThrownBy(() -> AvatarCatalogue.look("zed")).isInstanceOf(MediaException.class);
    }

    private static BufferedImage draw(String look, Framing framing, AvatarPose pose) throws MediaException {
        BufferedImage img = new BufferedImage(framing.modelWidth() / 4, framing.modelHeight() / 4,
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        AvatarRig.build(look, framing, new Rectangle(0, 0, img.getWidth(), img.getHeight())).draw(g, pose);
        g.dispose();
        return img;
    }

    @Test
    void everyLookDrawsAnOpaqueFigureOnATransparentCanvas() throws Exception {
        for (AvatarLook look : AvatarCatalogue.looks()) {
            for (Framing framing : Framing.values()) {
                BufferedImage img = draw(look.id(), framing, AvatarPose.rest());
                int w = img.getWidth();
                int h = img.getHeight();
                assertThat(img.getRGB(2, 2) >>> 24).as("%s %s corner", look.id(), framing).isZero();
                assertThat(img.getRGB(w - 3, 2) >>> 24).isZero();
                // The face is where the figure's head is drawn: centred, in the upper part.
                int faceY = (int) (h * (framing == Framing.PORTRAIT ? 0.27 : 0.37));
                assertThat(img.getRGB(w / 2, faceY) >>> 24).as("%s %s face", look.id(), framing).isEqualTo(255);
                assertThat(img.getRGB(w / 2, h - 3) >>> 24).as("%s %s body", look.id(), framing).isEqualTo(255);
            }
        }
    }

    @Test
    void looksAreDistinct() throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        for (AvatarLook look : AvatarCatalogue.looks()) {
            images.add(draw(look.id(), Framing.LANDSCAPE, AvatarPose.rest()));
        }
        for (int a = 0; a < images.size(); a++) {
            for (int b = a + 1; b < images.size(); b++) {
                assertThat(differingPixels(images.get(a), images.get(b)))
                        .isGreaterThan(images.get(a).getWidth() * images.get(a).getHeight() / 50);
            }
        }
    }

    @Test
    void drawingIsDeterministicAndFollowsTheMouth() throws Exception {
        AvatarPose closed = new AvatarPose(0, 0, 0, AvatarPose.Eyelids.OPEN, Viseme.X);
        AvatarPose open = new AvatarPose(0, 0, 0, AvatarPose.Eyelids.OPEN, Viseme.D);
        assertThat(differingPixels(draw("mei", Framing.PORTRAIT, closed), draw("mei", Framing.PORTRAIT, closed)))
                .isZero();
        assertThat(differingPixels(draw("mei", Framing.PORTRAIT, closed), draw("mei", Framing.PORTRAIT, open)))
                .isPositive();
    }

    @Test
    void theMouthOpensWithItsOpennessAndStaysInsideItsArea() throws Exception {
        Framing framing = Framing.PORTRAIT;
        Rectangle target = new Rectangle(0, 0, framing.modelWidth() / 2, framing.modelHeight() / 2);
        AvatarRig rig = AvatarRig.build("anna", framing, target);
        Rectangle area = rig.mouthArea();
        BufferedImage rest = drawOn(rig, target, AvatarPose.rest());
        for (Viseme v : Viseme.values()) {
            int previous = -1;
            for (int step = 0; step <= AvatarRig.OPENNESS_STEPS; step += 4) {
                double openness = step / (double) AvatarRig.OPENNESS_STEPS;
                BufferedImage img = drawOn(rig, target, new AvatarPose(0, 0, 0, AvatarPose.Eyelids.OPEN, v, openness));
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        if (img.getRGB(x, y) != rest.getRGB(x, y)) {
                            // The redraw region of the mouth must hold every pixel it can change.
                            assertThat(area.contains(x, y)).as("%s at %.2f: pixel %d,%d", v, openness, x, y).isTrue();
                        }
                    }
                }
                int inside = darkInside(img, area);
                if (v.opening() == 0) {
                    // Closed shapes stay closed whatever the openness says.
                    assertThat(inside).as("%s at %.2f", v, openness).isZero();
                } else if (step > 0) {
                    assertThat(inside).as("%s opens further at %.2f", v, openness).isGreaterThan(previous);
                }
                previous = inside;
            }
        }
    }

    private static BufferedImage drawOn(AvatarRig rig, Rectangle target, AvatarPose pose) {
        BufferedImage img = new BufferedImage(target.width, target.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        rig.draw(g, pose);
        g.dispose();
        return img;
    }

    /** Pixels of the mouth's dark inside (luma as in LipSyncVideoTest). */
    private static int darkInside(BufferedImage img, Rectangle r) {
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                int p = img.getRGB(x, y);
                int luma = (2 * ((p >> 16) & 0xff) + 7 * ((p >> 8) & 0xff) + (p & 0xff)) / 10;
                n += (p >>> 24) == 255 && luma < 55 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void blinksComeEveryTwoToSixSecondsAndAreTheSameForTheSameSeed() {
        AvatarAnimator a = new AvatarAnimator(1.0, 42);
        AvatarAnimator b = new AvatarAnimator(1.0, 42);
        List<Integer> blinkStarts = new ArrayList<>();
        AvatarPose.Eyelids previous = AvatarPose.Eyelids.OPEN;
        for (int f = 0; f < 25 * 60; f++) {
            AvatarPose pa = a.pose(f, Viseme.X);
            assertThat(pa).isEqualTo(b.pose(f, Viseme.X));
            if (previous == AvatarPose.Eyelids.OPEN && pa.eyes() != AvatarPose.Eyelids.OPEN) {
                blinkStarts.add(f);
            }
            previous = pa.eyes();
            assertThat(Math.abs(pa.headDx())).isLessThanOrEqualTo(5);
        }
        assertThat(blinkStarts.size()).isBetween(10, 30);
        for (int i = 1; i < blinkStarts.size(); i++) {
            assertThat(blinkStarts.get(i) - blinkStarts.get(i - 1)).isBetween(2 * 25, 6 * 25 + 4);
        }
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}

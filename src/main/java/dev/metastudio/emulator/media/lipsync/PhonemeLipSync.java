package dev.metastudio.emulator.media.lipsync;

import dev.metastudio.emulator.media.audio.Pcm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mouth shapes from the phones a speech engine reports, one per 25 fps frame. The plain reading (the phone under each
 * frame's centre, see {@link #reference}) is refined the way lips actually move:
 * <ul>
 *   <li>every /p b m/ closes the lips for at least one frame, even when it is shorter than a frame;</li>
 *   <li>lip rounding starts early: a consonant before a rounded vowel is already rounded (anticipatory
 *       coarticulation, "soon", "two");</li>
 *   <li>a shape held for a single frame between two equal ones is dropped (it would only flicker), closures
 *       excepted;</li>
 *   <li>a pause longer than {@value #LONG_PAUSE_MS} ms closes the mouth to rest ({@link Viseme#X}) for all of its
 *       frames; a shorter one relaxes it slightly (B) so the mouth does not snap shut between words.</li>
 * </ul>
 * How far each shape opens is not decided here: {@link JawOpening} scales it by the loudness of every frame.
 */
public final class PhonemeLipSync {

    public static final int LONG_PAUSE_MS = 150;
    private static final double FRAME = 1.0 / Pcm.FPS;
    private static final double ROUNDING_LEAD_SECONDS = 0.12;

    private PhonemeLipSync() {
    }

    /** The phone under each frame's centre ({@link Viseme#X} in pauses and where no phone is): the plain reading. */
    public static Viseme[] reference(List<PhoneTiming> phones, int frames) {
        List<PhoneTiming> p = resolveTransparent(phones);
        Viseme[] v = new Viseme[frames];
        int k = 0;
        for (int f = 0; f < frames; f++) {
            double t = (f + 0.5) * FRAME;
            while (k < p.size() && p.get(k).endSeconds() <= t) {
                k++;
            }
            v[f] = k < p.size() && p.get(k).startSeconds() <= t ? p.get(k).shape() : Viseme.X;
        }
        return v;
    }

    /** The shapes, one per frame, refined as the class comment says. */
    public static Viseme[] track(List<PhoneTiming> phones, int frames) {
        List<PhoneTiming> p = resolveTransparent(phones);
        Viseme[] v = reference(p, frames);
        anticipateRounding(v, p);
        dropFlicker(v);
        shapePauses(v, p, frames);
        closeOnBilabials(v, p);
        return v;
    }

    /** /h/ has no shape of its own: it takes the next sounding phone's (or the previous one's at the end). */
    private static List<PhoneTiming> resolveTransparent(List<PhoneTiming> phones) {
        List<PhoneTiming> out = new ArrayList<>(phones.size());
        for (int i = 0; i < phones.size(); i++) {
            PhoneTiming ph = phones.get(i);
            if (ph.shape() != null) {
                out.add(ph);
                continue;
            }
            Viseme shape = null;
            for (int j = i + 1; j < phones.size() && shape == null; j++) {
                Viseme s = phones.get(j).shape();
                shape = s == Viseme.X ? Viseme.B : s;
            }
            out.add(new PhoneTiming(ph.phone(), shape == null ? Viseme.B : shape, ph.startSeconds(), ph.endSeconds()));
        }
        return out;
    }

    private static void anticipateRounding(Viseme[] v, List<PhoneTiming> p) {
        for (int i = 0; i + 1 < p.size(); i++) {
            PhoneTiming next = p.get(i + 1);
            if (next.shape() != Viseme.F || p.get(i).shape() != Viseme.B) {
                continue;
            }
            double from = Math.max(p.get(i).startSeconds(), next.startSeconds() - ROUNDING_LEAD_SECONDS);
            for (int f = frameAt(from); f < v.length && (f + 0.5) * FRAME < next.startSeconds(); f++) {
                if (v[f] == Viseme.B) {
                    v[f] = Viseme.F;
                }
            }
        }
    }

    private static void dropFlicker(Viseme[] v) {
        for (int i = 1; i + 1 < v.length; i++) {
            if (v[i] != v[i - 1] && v[i - 1] == v[i + 1] && v[i] != Viseme.A && v[i] != Viseme.X
                    && v[i - 1] != Viseme.X) {
                v[i] = v[i - 1];
            }
        }
    }

    /**
     * Time no phone covers counts as pause too (a {@code <break>} between utterances). Frames of a long pause rest;
     * frames of a short pause between sounds relax to B; a short pause at either end of the speech rests as well.
     */
    private static void shapePauses(Viseme[] v, List<PhoneTiming> p, int frames) {
        List<double[]> speech = new ArrayList<>();
        for (PhoneTiming ph : p) {
            if (ph.pause()) {
                continue;
            }
            double[] last = speech.isEmpty() ? null : speech.get(speech.size() - 1);
            if (last != null && ph.startSeconds() - last[1] < 1e-6) {
                last[1] = Math.max(last[1], ph.endSeconds());
            } else {
                speech.add(new double[]{ph.startSeconds(), ph.endSeconds()});
            }
        }
        Arrays.fill(v, 0, Math.min(frames, speech.isEmpty() ? frames : frameAt(speech.get(0)[0])), Viseme.X);
        for (int i = 0; i < speech.size(); i++) {
            double gapStart = speech.get(i)[1];
            double gapEnd = i + 1 < speech.size() ? speech.get(i + 1)[0] : Double.MAX_VALUE;
            boolean rest = gapEnd - gapStart > LONG_PAUSE_MS / 1000.0 || i + 1 == speech.size();
            for (int f = frameAt(gapStart); f < frames && (f + 0.5) * FRAME < gapEnd; f++) {
                if ((f + 0.5) * FRAME >= gapStart) {
                    v[f] = rest ? Viseme.X : Viseme.B;
                }
            }
        }
    }

    private static void closeOnBilabials(Viseme[] v, List<PhoneTiming> p) {
        for (PhoneTiming ph : p) {
            if (ph.shape() != Viseme.A) {
                continue;
            }
            int first = frameAt(ph.startSeconds());
            int best = -1;
            double bestOverlap = 0;
            for (int f = Math.max(0, first); f < v.length && f * FRAME < ph.endSeconds(); f++) {
                if (v[f] == Viseme.A) {
                    best = -1;
                    break;
                }
                double overlap = Math.min((f + 1) * FRAME, ph.endSeconds()) - Math.max(f * FRAME, ph.startSeconds());
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = f;
                }
            }
            if (best >= 0) {
                v[best] = Viseme.A;
            }
        }
    }

    private static int frameAt(double seconds) {
        return (int) Math.max(0, Math.floor(seconds / FRAME));
    }
}

package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;

import java.awt.Graphics2D;
import java.awt.Rectangle;

/** Something whose pixels may change from frame to frame (the presenter, a video layer, subtitles). */
interface Dynamic extends AutoCloseable {

    /** Every pixel this element can ever touch, in output coordinates. */
    Rectangle envelope();

    /** Moves to a frame of the scene (called once per frame, in order) and returns a key of its look there. */
    long advance(int frame) throws MediaException;

    /** Draws the look of the last {@link #advance}. */
    void draw(Graphics2D g);

    /** For elements made of parts that change separately: the finer regions and their keys. */
    default Region[] regions() {
        return new Region[]{new Region(envelope())};
    }

    /** Key of region i after {@link #advance}; the default has one region with the element's key. */
    default long regionKey(int i, long elementKey) {
        return elementKey;
    }

    @Override
    default void close() {
    }

    record Region(Rectangle area) {
    }
}

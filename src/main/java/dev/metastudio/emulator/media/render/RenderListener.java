package dev.metastudio.emulator.media.render;

/** Called from the rendering thread; both methods must return quickly. */
public interface RenderListener {

    void progress(int framesDone, int framesTotal);

    /** Polled between frames (and between sentences while speaking); true stops the render with CANCELLED. */
    boolean cancelled();

    RenderListener NONE = new RenderListener() {
        @Override
        public void progress(int framesDone, int framesTotal) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}

package dev.metastudio.emulator.media.render;

/**
 * Both methods must return quickly. progress is called on the thread that called render, after each encoded frame;
 * cancelled is polled on the composing thread before each frame and between synthesized sentences.
 */
public interface RenderListener {

    void progress(int framesDone, int framesTotal);

    /** True stops the render with {@link dev.metastudio.emulator.media.MediaException.Reason#CANCELLED}. */
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

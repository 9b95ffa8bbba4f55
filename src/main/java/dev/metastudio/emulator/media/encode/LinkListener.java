package dev.metastudio.emulator.media.encode;

/** Told of every change of a push's {@link LinkState}, on the push's own thread; must return quickly. */
@FunctionalInterface
public interface LinkListener {

    /** @param detail why (the error of a failed attempt or of a broken connection), or null */
    void changed(LinkState state, String detail);

    LinkListener NONE = (state, detail) -> {
    };
}

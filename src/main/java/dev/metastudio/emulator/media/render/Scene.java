package dev.metastudio.emulator.media.render;

import java.util.List;

/** ShootScript: its speech decides its length; backgrounds are drawn first, then layers by layer index. */
public record Scene(SpeechSource speech, List<Background> backgrounds, List<Layer> layers) {

    public Scene {
        backgrounds = List.copyOf(backgrounds);
        layers = List.copyOf(layers);
    }
}

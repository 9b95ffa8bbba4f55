package dev.metastudio.emulator.media.render;

import java.nio.file.Path;
import java.util.List;

/** Short-hands for building render descriptions in tests. */
final class Specs {

    private Specs() {
    }

    static RenderSpec landscape(int width, int height, Scene... scenes) {
        return new RenderSpec(LayoutOrientation.LANDSCAPE, width, height, VideoCodec.H264, 1000, ClipMode.RESIZE, 0, 0,
                null, null, List.of(scenes));
    }

    static Scene audio(Path speech, Background background, Layer... layers) {
        return new Scene(new SpeechSource.Audio(speech), List.of(background), List.of(layers));
    }

    static Background color(String rgb) {
        return new Background.Color(rgb);
    }

    static RenderResult render(RenderSpec spec, Path out) throws Exception {
        return VideoRenderer.render(spec, out, RenderListener.NONE, RenderOptions.defaults());
    }
}

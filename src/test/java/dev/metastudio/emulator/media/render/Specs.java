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

    /**
     * Text and subtitle layers are drawn with Noto Sans CJK (the documented HarmonyOS/Adelle fonts map to it); without
     * it they fall back to DejaVu or Java's SansSerif, which have no Chinese, and a test of CJK text would measure the
     * fallback. Such a test calls this first and fails saying what to install.
     */
    static void requireNotoCjk() {
        String family = Fonts.forName("HarmonyOS_Sans_SC_Black", 12).getFamily(java.util.Locale.ROOT);
        org.assertj.core.api.Assertions.assertThat(family)
                .as("fonts-noto-cjk is missing (text layers would be drawn in a fallback font without Chinese):"
                        + " apt-get install fonts-noto-cjk, as .ci/run does")
                .isEqualTo("Noto Sans CJK SC");
    }

    static RenderResult render(RenderSpec spec, Path out) throws Exception {
        return VideoRenderer.render(spec, out, RenderListener.NONE, RenderOptions.defaults());
    }
}

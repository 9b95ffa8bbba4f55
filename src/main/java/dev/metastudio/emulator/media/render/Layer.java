package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.avatar.Framing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/** LayerConfig: one of HUMAN, IMAGE, VIDEO or TEXT, each placed by its {@link LayerBox}. */
public sealed interface Layer {

    LayerBox box();

    /** The presenter: a look id of the avatar catalogue; framing null = the one matching the layout. */
    record Human(LayerBox box, String lookId, Framing framing) implements Layer {
    }

    /**
     * A presenter trained from footage (an image-model training job): the video looped, fitted into the box, with
     * the mouth below {@code face} (the detected face, in the footage's pixels) opened and closed by the speech.
     */
    record Footage(LayerBox box, Path file, java.awt.Rectangle face, Framing framing) implements Layer {
    }

    /** PNG/JPEG/BMP/GIF (first frame) with alpha kept. */
    record Image(LayerBox box, Path file) implements Layer {
    }

    /** loopCount: -1 loops until the scene ends, n >= 0 plays n + 1 times then holds the last frame. */
    record Video(LayerBox box, Path file, int loopCount) implements Layer {
    }

    /**
     * text is already decoded (see {@link #decodeTextContext}); fontSize in layout pixels (0: 16); color "#RRGGBB"
     * (null: white).
     */
    record Text(LayerBox box, String text, String fontName, int fontSize, String color) implements Layer {
    }

    /** TextLayerConfig.text_context is Base64 of UTF-8 text (white space inside it is ignored). */
    static String decodeTextContext(String base64) throws MediaException {
        try {
            return new String(Base64.getDecoder().decode(base64.replaceAll("\\s", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MediaException(Reason.INVALID_INPUT, "text_context is not valid Base64: " + e.getMessage(), e);
        }
    }
}

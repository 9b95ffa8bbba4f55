package dev.metastudio.emulator.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ErrorCodes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The documented limits of video scripts and jobs (reference 5.1/5.3, service overview), without a server: these
 * compositions reference no asset, so the rules never need the asset library (its checks run in the contract tests).
 */
class CompositionRulesTest {
    private final CompositionRules rules = new CompositionRules(null);

    @Test
    void aPlainTextSceneIsValid() {
        validate(composition(List.of(scene(0, "Hello."))));
    }

    @Test
    void atMostOneHundredScenesWithUniqueSequenceNumbers() {
        validate(composition(IntStream.range(0, 100).mapToObj(i -> scene(i, "Scene " + i)).toList()));
        assertThat(refused(composition(IntStream.range(0, 101).mapToObj(i -> scene(i, "x")).toList())))
                .contains("shoot_scripts").contains("100");
        assertThat(refused(composition(List.of(scene(3, "a"), scene(3, "b"))))).contains("shoot_scripts[1].sequence_no")
                .contains("unique");
        assertThat(refused(composition(List.of()))).contains("shoot_scripts");
    }

    @Test
    void aSceneHoldsTenThousandCharactersWithoutItsSsmlTags() {
        validate(composition(List.of(scene(0, "a".repeat(CompositionRules.MAX_SCENE_CHARACTERS)))));
        validate(composition(List.of(scene(0, "<speak>" + "a".repeat(CompositionRules.MAX_SCENE_CHARACTERS)
                + "<break time=\"1s\"/></speak>"))));
        assertThat(refused(composition(List.of(scene(0, "a".repeat(CompositionRules.MAX_SCENE_CHARACTERS + 1))))))
                .contains("shoot_scripts[0].shoot_script.text_config.text").contains("10000");
        // L16854: the specific code of 11.2 (MSS.00000003 before issue 13).
        assertThat(refusedCode(composition(List.of(scene(0, "a".repeat(CompositionRules.MAX_SCENE_CHARACTERS + 1))))))
                .isEqualTo(ErrorCodes.SCENE_TEXT_TOO_LONG);
    }

    @Test
    void allScenesHoldOneHundredThousandCharacters() {
        List<ShootScriptItem> scenes = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            scenes.add(scene(i, "b".repeat(CompositionRules.MAX_SCENE_CHARACTERS)));
        }
        assertThat(refused(composition(scenes))).contains("shoot_scripts").contains("100000");
        // L16875: the specific code of 11.2 (MSS.00000003 before issue 13).
        assertThat(refusedCode(composition(scenes))).isEqualTo(ErrorCodes.SCRIPT_TEXT_TOO_LONG);
    }

    @Test
    void ssmlMustBeSmallerThan128Kilobytes() {
        // Under the 131,072-character limit of the text field, but over 128 KB in UTF-8.
        String ssml = "<speak>" + "\u4e2d".repeat(44_000) + "</speak>";
        assertThat(refused(composition(List.of(scene(0, ssml))))).contains("128 KB");
    }

    @Test
    void layersSitAtIndexOneToOneHundredAndTextLayersAreBase64() {
        String base64 = Base64.getEncoder().encodeToString("Title".getBytes());
        validate(composition(List.of(withLayer(scene(0, "x"), textLayer(1, base64)))));
        validate(composition(List.of(withLayer(scene(0, "x"), textLayer(100, base64)))));
        assertThat(refused(composition(List.of(withLayer(scene(0, "x"), textLayer(0, base64))))))
                .contains("layer_config[0].position.layer_index");
        assertThat(refused(composition(List.of(withLayer(scene(0, "x"), textLayer(101, base64))))))
                .contains("layer_index");
        assertThat(refused(composition(List.of(withLayer(scene(0, "x"), textLayer(1, "not base64!"))))))
                .contains("text_context").contains("Base64");
    }

    @Test
    void colourBackgroundsAreHashAndSixHexDigits() {
        validate(composition(List.of(withBackground(scene(0, "x"), "#1E3A5F"))));
        assertThat(refused(composition(List.of(withBackground(scene(0, "x"), "#1E3A5G")))))
                .contains("background_config[0].background_color_config");
    }

    @Test
    void videoOutputIsH264OrVp8AtADocumentedResizeResolution() {
        validate(withVideo(video(VideoConfig.Codec.VP8, 1080, 1920, 2000, null)));
        assertThat(refused(withVideo(video(VideoConfig.Codec.VP9, 1920, 1080, 2000, null)))).contains("video_config.codec");
        assertThat(refused(withVideo(video(VideoConfig.Codec.H264, 1000, 500, 2000, null)))).contains("video_config.width")
                .contains("RESIZE");
        assertThat(refused(withVideo(video(VideoConfig.Codec.H264, 1920, 1080, 39, null)))).contains("video_config.bitrate");
        assertThat(refused(withVideo(video(VideoConfig.Codec.H264, 1920, 1080, 2000, "60"))))
                .contains("video_config.frame_rate");
    }

    @Test
    void voiceParametersHaveTheirDocumentedRangesAndDefaults() {
        VoiceParameters.check(50, 200, 90, "voice_config.");
        VoiceParameters.check(null, null, null, "voice_config.");
        assertThat(refusedBy(() -> VoiceParameters.check(49, null, null, "voice_config."))).contains("voice_config.speed");
        assertThat(refusedBy(() -> VoiceParameters.check(null, 201, null, ""))).contains("pitch");
        assertThat(refusedBy(() -> VoiceParameters.check(null, null, 241, ""))).contains("volume");
        assertThat(new VoiceConfig("v", null, null, null).withDefaults()).isEqualTo(new VoiceConfig("v", 100, 100, 140));
        assertThat(VoiceParameters.settings(null, 120, null).pitch()).isEqualTo(120);
        assertThat(VoiceParameters.settings(null, null, null).volume()).isEqualTo(140);
    }

    private void validate(Composition composition) {
        rules.validate("project", composition, CompositionRules.Mode.SCRIPT, scene -> true);
    }

    private String refused(Composition composition) {
        return refusedBy(() -> validate(composition));
    }

    private static String refusedBy(Runnable call) {
        return refusal(call).getMessage();
    }

    private String refusedCode(Composition composition) {
        return refusal(() -> validate(composition)).code();
    }

    /** A 400 with the generic code or one of the specific 11.2 codes the rules use (issue 13 item 15). */
    private static ApiException refusal(Runnable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isIn(ErrorCodes.INVALID_PARAMETER, CompositionRules.TOO_MANY_VIDEOS,
                ErrorCodes.SCENE_TEXT_TOO_LONG, ErrorCodes.SCRIPT_TEXT_TOO_LONG, ErrorCodes.INVALID_ASSET_ID,
                ErrorCodes.WRONG_ASSET_TYPE, ErrorCodes.INVALID_URL, ErrorCodes.BACKGROUND_IMAGE_REQUIRED);
        return e;
    }

    private static Composition composition(List<ShootScriptItem> scenes) {
        return new Composition(null, null, null, scenes, null);
    }

    private static Composition withVideo(VideoConfig video) {
        return new Composition(null, null, video, List.of(scene(0, "x")), null);
    }

    private static VideoConfig video(VideoConfig.Codec codec, int width, int height, int bitrate, String frameRate) {
        return new VideoConfig(null, codec, bitrate, width, height, frameRate, null, null, null, null, null, null, null,
                null);
    }

    private static ShootScriptItem scene(int sequenceNo, String text) {
        return new ShootScriptItem(sequenceNo, new ShootScript(ShootScript.ScriptType.TEXT, new ShootScript.TextConfig(text),
                null, null, null, null, null, null, null, null, null), null);
    }

    private static ShootScriptItem withLayer(ShootScriptItem item, LayerConfig layer) {
        ShootScript s = item.shootScript();
        return new ShootScriptItem(item.sequenceNo(), new ShootScript(s.scriptType(), s.textConfig(), null, null, null,
                null, List.of(layer), null, null, null, null), null);
    }

    private static ShootScriptItem withBackground(ShootScriptItem item, String colour) {
        ShootScript s = item.shootScript();
        return new ShootScriptItem(item.sequenceNo(), new ShootScript(s.scriptType(), s.textConfig(), null, null, null,
                List.of(new BackgroundConfigInfo(BackgroundConfigInfo.BackgroundType.COLOR, null, colour, null, null, null,
                        null, null, null)), null, null, null, null, null), null);
    }

    private static LayerConfig textLayer(int index, String base64) {
        return new LayerConfig(LayerConfig.LayerType.TEXT, null, null, new LayerConfig.Position(0, 0, index), null, null,
                null, null, new LayerConfig.TextLayer(base64, null, 40, "#FFFFFF"));
    }
}

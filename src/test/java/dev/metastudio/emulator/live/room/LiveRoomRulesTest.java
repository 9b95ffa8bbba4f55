package dev.metastudio.emulator.live.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.metastudio.emulator.composition.BackgroundConfigInfo;
import dev.metastudio.emulator.composition.LayerConfig;
import dev.metastudio.emulator.composition.ShootScript;
import dev.metastudio.emulator.composition.VideoConfig;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.live.room.LiveRoomContent.LiveScene;
import dev.metastudio.emulator.live.room.LiveRoomContent.LiveShootScriptItem;
import dev.metastudio.emulator.live.room.LiveRoomContent.RoomRule;
import dev.metastudio.emulator.live.room.LiveRoomContent.ViewMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The live room rules without Spring: nothing here refers to an asset, so no lookup is needed. */
class LiveRoomRulesTest {
    private final LiveRoomRules rules = new LiveRoomRules(null, null);

    private static LiveShootScriptItem paragraph(String text) {
        return new LiveShootScriptItem(1, null, new ShootScript.TextConfig(text), null, null);
    }

    private static LiveScene scene(String name, List<LiveShootScriptItem> items) {
        return new LiveScene(null, name, null, null, null, null, null, null, items);
    }

    private static LiveScene scene(String name, List<LiveShootScriptItem> items, List<BackgroundConfigInfo> backgrounds,
                                   List<LayerConfig> layers) {
        return new LiveScene(null, name, null, null, null, null, backgrounds, layers, items);
    }

    private static LiveRoomContent room(List<LiveScene> scenes) {
        return new LiveRoomContent("room", null, null, scenes, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private static VideoConfig video(String codec, int width, int height) {
        return new VideoConfig(null, VideoConfig.Codec.valueOf(codec), 4000, width, height, null, null, null, null,
                null, null, null, null, null);
    }

    private static ApiException refused(Runnable r) {
        ApiException e = catchThrowableOfType(ApiException.class, r::run);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    @ParameterizedTest
    @CsvSource({"1920,1080,LANDSCAPE", "1080,1920,VERTICAL"})
    @DisplayName("Table 6-29: livestreaming supports only 1920x1080 and 1080x1920; view_mode follows")
    void liveResolutions(int width, int height, ViewMode mode) {
        assertThatCode(() -> rules.video(video("H264", width, height), "video_config")).doesNotThrowAnyException();
        assertThat(LiveRoomRules.viewMode(video("H264", width, height), null)).isEqualTo(mode);
        assertThat(LiveRoomRules.viewMode(video("H264", width, height), ViewMode.LANDSCAPE == mode
                ? ViewMode.VERTICAL : ViewMode.LANDSCAPE)).as("derived, never as sent").isEqualTo(mode);
    }

    @ParameterizedTest
    @CsvSource({"1280,720", "720,1280", "3840,2160", "1920,1920"})
    void otherResolutionsAreRefused(int width, int height) {
        ApiException e = refused(() -> rules.video(video("H264", width, height), "video_config"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("MSS.00000003");
        assertThat(e.getMessage()).contains("video_config.width").contains(width + "x" + height);
    }

    @Test
    void vp8IsForVideoProductionOnly() {
        assertThat(refused(() -> rules.video(video("VP8", 1920, 1080), "video_config")).getMessage())
                .contains("video_config.codec");
    }

    @Test
    void withoutVideoConfigTheViewModeIsVerticalUnlessGiven() {
        assertThat(LiveRoomRules.viewMode(null, null)).isEqualTo(ViewMode.VERTICAL);
        assertThat(LiveRoomRules.viewMode(null, ViewMode.LANDSCAPE)).isEqualTo(ViewMode.LANDSCAPE);
    }

    @Test
    @DisplayName("L16854 MSS.20010109: a paragraph over 10,000 characters, SSML tags not counted")
    void paragraphLimit() {
        String limit = "a".repeat(LiveRoomRules.MAX_PARAGRAPH_CHARACTERS);
        assertThatCode(() -> rules.validate("p", room(List.of(scene("s", List.of(paragraph(limit)))))))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.validate("p", room(List.of(scene("s", List.of(paragraph(
                "<speak>" + limit + "<break time=\"200ms\"/></speak>")))))))
                .doesNotThrowAnyException();
        ApiException e = refused(() -> rules.validate("p", room(List.of(scene("long scene",
                List.of(paragraph("short"), paragraph(limit + "b")))))));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("MSS.20010109");
        assertThat(e.getMessage()).contains("long scene").contains("1 paragraphs");
    }

    @Test
    @DisplayName("L16853 MSS.20010108: the room's paragraphs over 300,000 characters together")
    void roomLimit() {
        List<LiveScene> scenes = new ArrayList<>();
        String text = "b".repeat(LiveRoomRules.MAX_PARAGRAPH_CHARACTERS);
        for (int i = 0; i < LiveRoomRules.MAX_ROOM_CHARACTERS / LiveRoomRules.MAX_PARAGRAPH_CHARACTERS; i++) {
            scenes.add(scene("s" + i, List.of(paragraph(text))));
        }
        assertThatCode(() -> rules.validate("p", room(scenes))).doesNotThrowAnyException();
        scenes.add(scene("one more", List.of(paragraph("c"))));
        ApiException e = refused(() -> rules.validate("p", room(scenes)));
        assertThat(e.code()).isEqualTo("MSS.20010108");
        assertThat(e.getMessage()).contains("300001");
    }

    @Test
    @DisplayName("Table 6-4: script_name and shoot_scripts are required in every scene")
    void scenesNeedANameAndParagraphs() {
        assertThat(refused(() -> rules.validate("p", room(List.of(scene("s", null))))).getMessage())
                .contains("scene_scripts[0].shoot_scripts");
        assertThat(refused(() -> rules.validate("p", room(List.of(scene(null, List.of()))))).getMessage())
                .contains("scene_scripts[0].script_name");
        assertThat(refused(() -> rules.validate("p", room(List.of(scene("s", List.of(
                new LiveShootScriptItem(1, null, new ShootScript.TextConfig(null), null, null))))))).getMessage())
                .contains("shoot_scripts[0].text_config.text");
    }

    @Test
    @DisplayName("L16864 MSS.20010143: an IMAGE background needs background_config")
    void imageBackgroundNeedsItsConfig() {
        BackgroundConfigInfo image = new BackgroundConfigInfo(BackgroundConfigInfo.BackgroundType.IMAGE, null, null,
                "asset", null, null, null, null, null);
        ApiException e = refused(() -> rules.validate("p", room(List.of(scene("s", List.of(), List.of(image), null)))));
        assertThat(e.code()).isEqualTo("MSS.20010143");
        BackgroundConfigInfo color = new BackgroundConfigInfo(BackgroundConfigInfo.BackgroundType.COLOR, null, "red",
                null, null, null, null, null, null);
        assertThat(refused(() -> rules.validate("p", room(List.of(scene("s", List.of(), List.of(color), null)))))
                .getMessage()).contains("background_color_config");
        BackgroundConfigInfo video = new BackgroundConfigInfo(BackgroundConfigInfo.BackgroundType.VIDEO, "x", null,
                null, null, null, null, null, null);
        assertThat(refused(() -> rules.validate("p", room(List.of(scene("s", List.of(), List.of(video), null)))))
                .getMessage()).contains("background_type");
    }

    @Test
    @DisplayName("At most three video layers in a scene (MSS.20010106); layer_index 1-100")
    void layers() {
        LayerConfig text = new LayerConfig(LayerConfig.LayerType.TEXT, null, null, new LayerConfig.Position(0, 0, 1),
                null, null, null, null, new LayerConfig.TextLayer("aGVsbG8=", null, 20, "#FF0000"));
        assertThatCode(() -> rules.validate("p", room(List.of(scene("s", List.of(), null, List.of(text))))))
                .doesNotThrowAnyException();
        LayerConfig unplaced = new LayerConfig(LayerConfig.LayerType.TEXT, null, null, null, null, null, null, null,
                new LayerConfig.TextLayer("aGk=", null, null, null));
        assertThatCode(() -> rules.validate("p", room(List.of(scene("s", List.of(), null, List.of(unplaced))))))
                .as("position is optional in a live room (Table 6-8)").doesNotThrowAnyException();
        LayerConfig badIndex = new LayerConfig(LayerConfig.LayerType.TEXT, null, null,
                new LayerConfig.Position(0, 0, 101), null, null, null, null, new LayerConfig.TextLayer("aGk=", null,
                null, null));
        assertThat(refused(() -> rules.validate("p", room(List.of(scene("s", List.of(), null, List.of(badIndex))))))
                .getMessage()).contains("layer_config[0].position.layer_index");
        LayerConfig notBase64 = new LayerConfig(LayerConfig.LayerType.TEXT, null, null,
                new LayerConfig.Position(0, 0, 1), null, null, null, null, new LayerConfig.TextLayer("%%%", null, null,
                null));
        assertThat(refused(() -> rules.validate("p", room(List.of(scene("s", List.of(), null, List.of(notBase64))))))
                .getMessage()).contains("Base64");
    }

    @Test
    @DisplayName("output_urls and stream_keys take one RTMP address")
    void oneRtmpOutput() {
        assertThatCode(() -> rules.output(List.of("rtmp://live.example.com/app"), List.of("k"), ""))
                .doesNotThrowAnyException();
        assertThat(refused(() -> rules.output(List.of("rtmp://a/x", "rtmp://b/x"), null, "")).getMessage())
                .contains("output_urls");
        assertThat(refused(() -> rules.output(List.of("http://a/x"), null, "")).getMessage())
                .contains("output_urls[0]");
        assertThat(refused(() -> rules.output(null, List.of("a", "b"), "")).getMessage()).contains("stream_keys");
    }

    @Test
    @DisplayName("Table 6-28: repeat_count -1..100 and the play policy's defaults")
    void playPolicy() {
        assertThat(refused(() -> rules.playPolicy(new LiveRoomContent.PlayPolicy(101, null, null, null, null, null),
                "play_policy")).getMessage()).contains("play_policy.repeat_count");
        assertThatCode(() -> rules.playPolicy(new LiveRoomContent.PlayPolicy(-1, null, null, null, null, null),
                "play_policy")).doesNotThrowAnyException();
        LiveRoomContent.PlayPolicy d = LiveRoomContent.PlayPolicy.DEFAULT;
        assertThat(d.repeatCount()).isZero();
        assertThat(d.autoPlayScript()).isTrue();
        assertThat(d.playMode()).isEqualTo(LiveRoomContent.PlayMode.TEXT);
        assertThat(d.randomPlayMode()).isEqualTo(LiveRoomContent.RandomPlayMode.SCRIPT_ITEM);
        assertThat(d.needIndependentCaptureClient()).isFalse();
    }

    @Test
    @DisplayName("shared_config only for TEMPLATE rooms; PUBLIC is the system's")
    void sharing() {
        LiveRoomContent.SharedConfig shared = new LiveRoomContent.SharedConfig(LiveRoomContent.SharedType.SHARED,
                LiveRoomContent.SharedState.PUBLISHED, null, List.of("other"));
        LiveRoomContent normal = new LiveRoomContent("room", null, null, null, null, null, null, null, null, null,
                null, null, null, null, shared, null, null, null, null);
        assertThat(refused(() -> rules.validate("p", normal)).getMessage()).contains("shared_config");
        LiveRoomContent template = new LiveRoomContent("room", null, LiveRoomContent.RoomType.TEMPLATE, null, null,
                null, null, null, null, null, null, null, null, null, shared, null, null, null, null);
        assertThatCode(() -> rules.validate("p", template)).doesNotThrowAnyException();
        LiveRoomContent publicTemplate = new LiveRoomContent("room", null, LiveRoomContent.RoomType.TEMPLATE, null,
                null, null, null, null, null, null, null, null, null, null, new LiveRoomContent.SharedConfig(
                LiveRoomContent.SharedType.PUBLIC, null, null, null), null, null, null, null);
        assertThat(refused(() -> rules.validate("p", publicTemplate)).getMessage()).contains("PUBLIC");
    }

    @Test
    @DisplayName("MSS_A signing needs a key; the callback URL is http(s) (MSS.20010093 otherwise)")
    void callbacks() {
        assertThat(refused(() -> rules.callback(new LiveRoomContent.LiveEventCallbackConfig("https://x.example/cb",
                LiveRoomContent.AuthType.MSS_A, null, null, null), "c")).getMessage()).contains("c.key");
        assertThat(refused(() -> rules.callback(new LiveRoomContent.LiveEventCallbackConfig("ftp://x/cb", null, null,
                null, null), "c")).code()).isEqualTo("MSS.20010093");
        assertThat(refused(() -> rules.callback(new LiveRoomContent.LiveEventCallbackConfig(null, null,
                "k".repeat(33), null, null), "c")).getMessage()).contains("c.key");
    }

    @Test
    @DisplayName("script_id and rule_index: kept when sent back (or, for scenes, by name), new otherwise")
    void serverAssignedIds() {
        RoomRule rule = new RoomRule(null, "r", null, 1, null, null, null, null, null, null);
        LiveRoomContent first = LiveRoomRules.assignIds(new LiveRoomContent("room", null, null,
                List.of(scene("a", List.of()), scene("b", List.of())), null, List.of(rule), null,
                video("H264", 1920, 1080), null, null, null, null, null, null, null, ViewMode.VERTICAL, null, null,
                null), null, id -> null);
        String a = first.sceneScripts().get(0).scriptId();
        String b = first.sceneScripts().get(1).scriptId();
        String index = first.interactionRules().get(0).ruleIndex();
        assertThat(a).isNotBlank().isNotEqualTo(b);
        assertThat(index).isNotBlank();
        assertThat(first.viewMode()).isEqualTo(ViewMode.LANDSCAPE);
        assertThat(first.effectiveRoomType()).isEqualTo(LiveRoomContent.RoomType.NORMAL);

        LiveScene renamedA = new LiveScene(a, "renamed", null, null, null, null, null, null, List.of());
        LiveScene forged = new LiveScene("forged-id", "c", null, null, null, null, null, null, List.of());
        RoomRule sentBack = new RoomRule(index, "r", null, 1, null, null, null, "g1", null, null);
        RoomRule copy = new RoomRule(index, "copy", null, 1, null, null, null, null, null, null);
        LiveRoomContent second = LiveRoomRules.assignIds(new LiveRoomContent("room", null, null,
                List.of(renamedA, scene("b", List.of()), forged), null, List.of(sentBack, copy), null, null, null,
                null, null, null, null, null, null, null, null, null, null), first, id -> "library " + id);
        assertThat(second.sceneScripts()).extracting(LiveScene::scriptId).startsWith(a, b);
        assertThat(second.sceneScripts().get(2).scriptId()).isNotEqualTo("forged-id").isNotBlank();
        assertThat(second.interactionRules().get(0).ruleIndex()).isEqualTo(index);
        assertThat(second.interactionRules().get(0).groupName()).isEqualTo("library g1");
        assertThat(second.interactionRules().get(1).ruleIndex()).as("one index per rule").isNotEqualTo(index);
        assertThat(second.viewMode()).isEqualTo(ViewMode.VERTICAL);
    }

    @Test
    void roomNameAndDescriptionLimits() {
        LiveRoomContent nameless = new LiveRoomContent(" ", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        assertThat(refused(() -> rules.validate("p", nameless)).getMessage()).contains("room_name");
        LiveRoomContent longName = new LiveRoomContent("n".repeat(257), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        assertThat(refused(() -> rules.validate("p", longName)).getMessage()).contains("room_name");
        LiveRoomContent platform = new LiveRoomContent("n", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, new LiveRoomContent.PlatformLiveInfo("p1", "bad id!"));
        assertThat(refused(() -> rules.validate("p", platform)).getMessage())
                .contains("relation_live_platform_info.live_id");
    }
}

package dev.metastudio.emulator.live.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.BackgroundConfigInfo;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.DeleteSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.HitCondition;
import com.huaweicloud.sdk.metastudio.v1.model.HitConditionTag;
import com.huaweicloud.sdk.metastudio.v1.model.ImageLayerConfig;
import com.huaweicloud.sdk.metastudio.v1.model.LayerConfig;
import com.huaweicloud.sdk.metastudio.v1.model.LayerPositionConfig;
import com.huaweicloud.sdk.metastudio.v1.model.LayerSizeConfig;
import com.huaweicloud.sdk.metastudio.v1.model.ListSmartLiveRoomsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListSmartLiveRoomsResponse;
import com.huaweicloud.sdk.metastudio.v1.model.LiveRoomEventCallBackConfig;
import com.huaweicloud.sdk.metastudio.v1.model.LiveRoomInteractionRuleInfo;
import com.huaweicloud.sdk.metastudio.v1.model.LiveShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.LiveVideoScriptInfo;
import com.huaweicloud.sdk.metastudio.v1.model.PlayPolicy;
import com.huaweicloud.sdk.metastudio.v1.model.SharedConfig;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveRoomResponse;
import com.huaweicloud.sdk.metastudio.v1.model.SmartLiveRoomBaseInfo;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import com.huaweicloud.sdk.metastudio.v1.model.TriggerProcess;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateSmartLiveRoomResponse;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.awt.Color;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Intelligent livestreaming rooms (reference 6.1.1-6.1.5) through the official SDK. */
class LiveRoomContractTest extends ServerTest {
    private MetaStudioClient client;
    private String anna;
    @Autowired
    private LiveRooms liveRooms;

    @BeforeEach
    void connect() {
        client = clientA();
        anna = Videos.systemAvatar(client, "Anna (landscape)");
    }

    private LiveVideoScriptInfo scene(String name, String... texts) {
        List<LiveShootScriptItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            items.add(new LiveShootScriptItem().withSequenceNo(i + 1).withTitle("p" + i)
                    .withTextConfig(new TextConfig().withText(texts[i])));
        }
        return new LiveVideoScriptInfo().withScriptName(name).withModelAssetId(anna)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                .withBackgroundConfig(List.of(new BackgroundConfigInfo()
                        .withBackgroundType(BackgroundConfigInfo.BackgroundTypeEnum.COLOR)
                        .withBackgroundColorConfig("#1E3A5F")))
                .withShootScripts(items);
    }

    private CreateSmartLiveRoomReq room(String name) {
        return new CreateSmartLiveRoomReq().withRoomName(name).withRoomDescription("a room")
                .withSceneScripts(List.of(scene("opening", "Welcome to the show.", "Today we look at shoes.")))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1080, 1920))
                .withPrivData("opaque");
    }

    private String create(CreateSmartLiveRoomReq body) {
        return client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(body)).getRoomId();
    }

    private ShowSmartLiveRoomResponse show(String roomId) {
        return client.showSmartLiveRoom(new ShowSmartLiveRoomRequest().withRoomId(roomId));
    }

    private ClientRequestException refused(Runnable call) {
        ClientRequestException e = catchThrowableOfType(ClientRequestException.class, call::run);
        assertThat(e).as("the call is refused").isNotNull();
        return e;
    }

    private ClientRequestException createRefused(Consumer<CreateSmartLiveRoomReq> change) {
        CreateSmartLiveRoomReq body = room("refused " + UUID.randomUUID());
        change.accept(body);
        return refused(() -> create(body));
    }

    @Test
    void createShowUpdateAndDelete() {
        String name = "room " + UUID.randomUUID();
        String image = Assets.uploaded(client, CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE, "bg.png",
                TestMedia.png(64, 36, Color.BLUE));
        CreateSmartLiveRoomReq body = room(name)
                .withPlayPolicy(new PlayPolicy().withRepeatCount(-1))
                .withOutputUrls(List.of("rtmp://127.0.0.1:1935/live")).withStreamKeys(List.of("key-1"))
                .withLiveEventCallbackConfig(new LiveRoomEventCallBackConfig()
                        .withLiveEventTypeCallbackUrl("https://example.com/live-events")
                        .withCallbackEventType(List.of("SHOOT_SCRIPT_SWITCH")))
                .withInteractionRules(List.of(new LiveRoomInteractionRuleInfo().withRuleName("greet")
                        .withEventType(1).withHitCondition(new HitCondition().withRelation(HitCondition.RelationEnum.OR)
                                .withTags(List.of(new HitConditionTag().withTag("content")
                                        .withMatch(HitConditionTag.MatchEnum.REGEX).withValue("hello|hi"))))
                        .withTrigger(new TriggerProcess().withReplyMode(TriggerProcess.ReplyModeEnum.SYSTEM_REPLY)
                                .withReplyTexts(List.of("Hello there!")))));
        body.getSceneScripts().get(0).withBackgroundConfig(List.of(new BackgroundConfigInfo()
                .withBackgroundType(BackgroundConfigInfo.BackgroundTypeEnum.IMAGE).withBackgroundConfig(image)))
                .withLayerConfig(List.of(new LayerConfig().withLayerType(LayerConfig.LayerTypeEnum.IMAGE)
                        .withPosition(new LayerPositionConfig().withDx(10).withDy(20).withLayerIndex(2))
                        .withSize(new LayerSizeConfig().withWidth(200).withHeight(100))
                        .withImageConfig(new ImageLayerConfig().withImageUrl("https://example.com/logo.png"))));
        String id = create(body);

        ShowSmartLiveRoomResponse shown = show(id);
        assertThat(shown.getRoomId()).isEqualTo(id);
        assertThat(shown.getRoomName()).isEqualTo(name);
        assertThat(shown.getRoomDescription()).isEqualTo("a room");
        assertThat(shown.getRoomType().getValue()).isEqualTo("NORMAL");
        assertThat(shown.getRoomState().getValue()).isEqualTo("ENABLE");
        assertThat(shown.getViewMode().getValue()).as("derived from 1080x1920").isEqualTo("VERTICAL");
        assertThat(shown.getPrivData()).isEqualTo("opaque");
        assertThat(shown.getCreateTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(shown.getUpdateTime()).isEqualTo(shown.getCreateTime());
        assertThat(shown.getErrorInfo()).isNull();
        assertThat(shown.getXRequestId()).isNotBlank();
        LiveVideoScriptInfo scene = shown.getSceneScripts().get(0);
        assertThat(scene.getScriptId()).as("server-assigned").isNotBlank();
        assertThat(scene.getModelAssetId()).isEqualTo(anna);
        assertThat(scene.getVoiceConfig().getSpeed()).as("documented default").isEqualTo(100);
        assertThat(scene.getVoiceConfig().getVolume()).isEqualTo(140);
        assertThat(scene.getShootScripts()).extracting(p -> p.getTextConfig().getText())
                .containsExactly("Welcome to the show.", "Today we look at shoes.");
        assertThat(scene.getBackgroundConfig().get(0).getBackgroundConfig()).isEqualTo(image);
        assertThat(scene.getLayerConfig().get(0).getPosition().getLayerIndex()).isEqualTo(2);
        assertThat(shown.getPlayPolicy().getRepeatCount()).isEqualTo(-1);
        assertThat(shown.getPlayPolicy().getAutoPlayScript()).as("default true").isTrue();
        assertThat(shown.getPlayPolicy().getRandomPlayMode().getValue()).isEqualTo("SCRIPT_ITEM");
        assertThat(shown.getInteractionConfig().getPlayType().getValue()).as("default INSERT").isEqualTo("INSERT");
        assertThat(shown.getOutputUrls()).containsExactly("rtmp://127.0.0.1:1935/live");
        assertThat(shown.getStreamKeys()).containsExactly("key-1");
        assertThat(shown.getLiveEventCallbackConfig().getAuthType().getValue()).isEqualTo("NONE");
        assertThat(shown.getRtcCallbackConfig().getRtcCallbackEventType()).containsExactly("LIVE_PROGRESS");
        LiveRoomInteractionRuleInfo rule = shown.getInteractionRules().get(0);
        assertThat(rule.getRuleIndex()).as("server-assigned").isNotBlank();
        assertThat(rule.getEnabled()).isTrue();
        assertThat(rule.getHitCondition().getPriority()).as("default 500").isEqualTo(500);
        assertThat(rule.getTrigger().getPlayType().getValue()).as("default PLAY_NOW").isEqualTo("PLAY_NOW");
        assertThat(shown.getVideoConfig().getWidth()).isEqualTo(1080);

        // What the live jobs read.
        LiveRoomView view = liveRooms.find(TestProjects.PROJECT_A, id).orElseThrow();
        assertThat(view.modelAssetId()).isEqualTo(anna);
        assertThat(view.voiceConfig().voiceAssetId()).isEqualTo(Videos.EMMA);
        assertThat(view.width()).isEqualTo(1080);
        assertThat(view.height()).isEqualTo(1920);
        assertThat(view.scenes().get(0).shootScripts()).hasSize(2);
        assertThat(view.interactionRules().get(0).ruleIndex()).isEqualTo(rule.getRuleIndex());
        assertThat(liveRooms.find(TestProjects.PROJECT_B, id)).isEmpty();

        // PUT replaces the whole configuration; the scene and rule sent back keep their ids.
        CreateSmartLiveRoomReq replacement = new CreateSmartLiveRoomReq().withRoomName(name + " v2")
                .withSceneScripts(List.of(scene("opening", "Only one paragraph now.").withScriptId(scene.getScriptId()),
                        scene("second", "A new scene.")))
                .withInteractionRules(List.of(rule))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080));
        UpdateSmartLiveRoomResponse updated = client.updateSmartLiveRoom(new UpdateSmartLiveRoomRequest()
                .withRoomId(id).withBody(replacement));
        assertThat(updated.getRoomId()).isEqualTo(id);
        assertThat(updated.getRoomName()).isEqualTo(name + " v2");
        assertThat(updated.getViewMode().getValue()).isEqualTo("LANDSCAPE");
        ShowSmartLiveRoomResponse after = show(id);
        assertThat(after.getRoomDescription()).as("full replacement").isNull();
        assertThat(after.getOutputUrls()).isNull();
        assertThat(after.getPrivData()).isNull();
        assertThat(after.getSceneScripts()).extracting(LiveVideoScriptInfo::getScriptName)
                .containsExactly("opening", "second");
        assertThat(after.getSceneScripts().get(0).getScriptId()).isEqualTo(scene.getScriptId());
        assertThat(after.getSceneScripts().get(1).getScriptId()).isNotBlank().isNotEqualTo(scene.getScriptId());
        assertThat(after.getSceneScripts().get(0).getShootScripts()).hasSize(1);
        assertThat(after.getInteractionRules().get(0).getRuleIndex()).isEqualTo(rule.getRuleIndex());
        assertThat(after.getCreateTime()).isEqualTo(shown.getCreateTime());

        client.deleteSmartLiveRoom(new DeleteSmartLiveRoomRequest().withRoomId(id));
        ClientRequestException gone = refused(() -> show(id));
        assertThat(gone.getHttpStatusCode()).isEqualTo(404);
        assertThat(gone.getErrorCode()).isEqualTo("MSS.00000002");
        ClientRequestException again = refused(() -> client.deleteSmartLiveRoom(
                new DeleteSmartLiveRoomRequest().withRoomId(id)));
        assertThat(again.getHttpStatusCode()).isEqualTo(400);
        assertThat(again.getErrorCode()).isEqualTo("MSS.20010045");
        ClientRequestException update = refused(() -> client.updateSmartLiveRoom(new UpdateSmartLiveRoomRequest()
                .withRoomId(id).withBody(replacement)));
        assertThat(update.getErrorCode()).isEqualTo("MSS.20010045");
    }

    @Test
    @DisplayName("L16832: MSS.20010031 Duplicate live room name, on create and on rename")
    void roomNamesAreUniqueInAProject() {
        String name = "unique room " + UUID.randomUUID();
        String first = create(room(name));
        ClientRequestException twice = refused(() -> create(room(name)));
        assertThat(twice.getHttpStatusCode()).isEqualTo(400);
        assertThat(twice.getErrorCode()).isEqualTo("MSS.20010031");
        String second = create(room(name + " 2"));
        ClientRequestException renamed = refused(() -> client.updateSmartLiveRoom(new UpdateSmartLiveRoomRequest()
                .withRoomId(second).withBody(room(name))));
        assertThat(renamed.getErrorCode()).isEqualTo("MSS.20010031");
        // Its own name is no duplicate; another project may use it too.
        client.updateSmartLiveRoom(new UpdateSmartLiveRoomRequest().withRoomId(first).withBody(room(name)));
        String other = clientB().createSmartLiveRoom(new CreateSmartLiveRoomRequest()
                .withBody(room(name).withSceneScripts(List.of()))).getRoomId();
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    @DisplayName("The documented refusals of create and update")
    void invalidRoomsAreRefusedWithTheDocumentedCodes() {
        ClientRequestException background = createRefused(b -> b.getSceneScripts().get(0).withBackgroundConfig(List.of(
                new BackgroundConfigInfo().withBackgroundType(BackgroundConfigInfo.BackgroundTypeEnum.IMAGE))));
        assertThat(background.getHttpStatusCode()).isEqualTo(400);
        assertThat(background.getErrorCode()).isEqualTo("MSS.20010143");

        ClientRequestException timbre = createRefused(b -> b.getSceneScripts().get(0)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId("00000000000000000000000000000000")));
        assertThat(timbre.getHttpStatusCode()).isEqualTo(400);
        assertThat(timbre.getErrorCode()).isEqualTo("MSS.20010131");

        ClientRequestException resolution = createRefused(b -> b.withVideoConfig(
                Videos.video(VideoConfig.CodecEnum.H264, 1280, 720)));
        assertThat(resolution.getHttpStatusCode()).isEqualTo(400);
        assertThat(resolution.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(resolution.getErrorMsg()).contains("video_config.width").contains("1280x720");

        ClientRequestException paragraph = createRefused(b -> b.getSceneScripts().get(0).getShootScripts().get(0)
                .withTextConfig(new TextConfig().withText("a".repeat(LiveRoomRules.MAX_PARAGRAPH_CHARACTERS + 1))));
        assertThat(paragraph.getHttpStatusCode()).isEqualTo(400);
        assertThat(paragraph.getErrorCode()).isEqualTo("MSS.20010109");

        ClientRequestException model = createRefused(b -> b.getSceneScripts().get(0)
                .withModelAssetId("11111111111111111111111111111111"));
        assertThat(model.getHttpStatusCode()).isEqualTo(400);
        assertThat(model.getErrorCode()).isEqualTo("MSS.20010140");
        assertThat(model.getErrorMsg()).contains("scene_scripts[0].model_asset_id");

        ClientRequestException scripts = createRefused(b -> b.getSceneScripts().get(0).withShootScripts((List<LiveShootScriptItem>) null));
        assertThat(scripts.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(scripts.getErrorMsg()).contains("scene_scripts[0].shoot_scripts");

        ClientRequestException outputs = createRefused(b -> b.withOutputUrls(List.of("rtmp://a/live", "rtmp://b/live")));
        assertThat(outputs.getErrorMsg()).contains("output_urls");

        ClientRequestException rule = createRefused(b -> b.withInteractionRules(List.of(
                new LiveRoomInteractionRuleInfo().withRuleName("too eager").withHitCondition(new HitCondition()
                        .withPriority(1000)))));
        assertThat(rule.getHttpStatusCode()).isEqualTo(400);
        assertThat(rule.getErrorCode()).isEqualTo("MSS.20010110");
        assertThat(rule.getErrorMsg()).contains("too eager").contains("interaction_rules[0].hit_condition.priority");

        String id = create(room("to update " + UUID.randomUUID()));
        ClientRequestException nameless = refused(() -> client.updateSmartLiveRoom(new UpdateSmartLiveRoomRequest()
                .withRoomId(id).withBody(room(null))));
        assertThat(nameless.getHttpStatusCode()).isEqualTo(400);
        assertThat(nameless.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(nameless.getErrorMsg()).contains("room_name");
    }

    @Test
    @DisplayName("An asset of another project is not usable in a room")
    void referencedAssetsMustBeUsableByTheCaller() {
        String foreign = Assets.uploaded(clientB(), CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE, "b.png",
                TestMedia.png(32, 32, Color.RED));
        ClientRequestException e = createRefused(b -> b.getSceneScripts().get(0).withBackgroundConfig(List.of(
                new BackgroundConfigInfo().withBackgroundType(BackgroundConfigInfo.BackgroundTypeEnum.IMAGE)
                        .withBackgroundConfig(foreign))));
        assertThat(e.getHttpStatusCode()).isEqualTo(400);
        assertThat(e.getErrorMsg()).contains("background_config");
    }

    @Test
    void theListFiltersAndPages() {
        String marker = "list-" + UUID.randomUUID();
        String plain = create(room(marker + " plain"));
        String temp = create(room(marker + " temp").withRoomType(CreateSmartLiveRoomReq.RoomTypeEnum.TEMP));
        String done = create(room(marker + " done").withSceneScripts(List.of()));
        Instant started = Instant.parse("2030-01-02T03:04:05Z");
        liveRooms.markLiveState(TestProjects.PROJECT_A, done, "job-1", LiveState.PROCESSING, started, null);
        liveRooms.markLiveState(TestProjects.PROJECT_A, done, "job-1", LiveState.SUCCEED, null,
                started.plusSeconds(60));

        ListSmartLiveRoomsResponse all = client.listSmartLiveRooms(new ListSmartLiveRoomsRequest()
                .withRoomName(marker.toUpperCase()));
        assertThat(all.getCount()).isEqualTo(3);
        assertThat(all.getSmartLiveRooms()).extracting(SmartLiveRoomBaseInfo::getRoomId)
                .containsExactly(done, temp, plain);
        SmartLiveRoomBaseInfo first = all.getSmartLiveRooms().get(2);
        assertThat(first.getProjectId()).isEqualTo(TestProjects.PROJECT_A);
        assertThat(first.getModelInfos()).singleElement().satisfies(m -> {
            assertThat(m.getModelAssetId()).isEqualTo(anna);
            assertThat(m.getAssetName()).isEqualTo("Anna (landscape)");
        });
        assertThat(first.getLastJobStatus()).isNull();
        assertThat(first.getViewMode().getValue()).isEqualTo("VERTICAL");

        SmartLiveRoomBaseInfo finished = all.getSmartLiveRooms().get(0);
        assertThat(finished.getLastJobStatus().getValue()).isEqualTo("SUCCEED");
        assertThat(finished.getLastJobStartTime()).isEqualTo("2030-01-02T03:04:05Z");
        assertThat(finished.getLastJobEndTime()).isEqualTo("2030-01-02T03:05:05Z");

        ListSmartLiveRoomsRequest q = new ListSmartLiveRoomsRequest().withRoomName(marker);
        assertThat(ids(q.withLimit(1).withOffset(1))).containsExactly(temp);
        assertThat(client.listSmartLiveRooms(q).getCount()).as("count is the total").isEqualTo(3);
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withRoomType("TEMP"))).containsExactly(temp);
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withLiveState("NULL")))
                .containsExactlyInAnyOrder(plain, temp);
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withLiveState("SUCCESS")))
                .containsExactly(done);
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withLiveState("FAILED,NULL")))
                .containsExactlyInAnyOrder(plain, temp);
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withStartTime("2030-01-02T03:04:05Z")
                .withEndTime("2030-01-02T03:04:05Z"))).containsExactly(done);
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withStartTime("2030-01-02T03:04:06Z")))
                .isEmpty();
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withDhId(anna)))
                .containsExactlyInAnyOrder(plain, temp);
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withModelName("anna (LAND")))
                .containsExactlyInAnyOrder(plain, temp);
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withModelName("nobody"))).isEmpty();

        ClientRequestException state = refused(() -> client.listSmartLiveRooms(new ListSmartLiveRoomsRequest()
                .withLiveState("RUNNING")));
        assertThat(state.getHttpStatusCode()).isEqualTo(400);
        assertThat(state.getErrorMsg()).contains("live_state");
        ClientRequestException limit = refused(() -> client.listSmartLiveRooms(new ListSmartLiveRoomsRequest()
                .withLimit(101)));
        assertThat(limit.getErrorMsg()).contains("limit");
    }

    @Test
    @DisplayName("template_own_type: Owned, SHARED_TO_OHTERS, SHARED_FROM_OHTERS (spelled as printed)")
    void templatesSharedWithAnotherProject() {
        String marker = "tpl-" + UUID.randomUUID();
        String owned = create(room(marker + " owned").withRoomType(CreateSmartLiveRoomReq.RoomTypeEnum.TEMPLATE));
        String shared = create(room(marker + " shared").withRoomType(CreateSmartLiveRoomReq.RoomTypeEnum.TEMPLATE)
                .withSharedConfig(new SharedConfig().withSharedType(SharedConfig.SharedTypeEnum.SHARED)
                        .withSharedState(SharedConfig.SharedStateEnum.PUBLISHED)
                        .withAllowedProjectIds(List.of(TestProjects.PROJECT_B))));
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withTemplateOwnType("Owned")))
                .containsExactly(owned);
        assertThat(ids(new ListSmartLiveRoomsRequest().withRoomName(marker).withTemplateOwnType("SHARED_TO_OHTERS")))
                .containsExactly(shared);
        MetaStudioClient b = clientB();
        assertThat(b.listSmartLiveRooms(new ListSmartLiveRoomsRequest().withRoomName(marker)
                .withTemplateOwnType("SHARED_FROM_OHTERS")).getSmartLiveRooms())
                .extracting(SmartLiveRoomBaseInfo::getRoomId).containsExactly(shared);
        assertThat(b.showSmartLiveRoom(new ShowSmartLiveRoomRequest().withRoomId(shared)).getRoomName())
                .isEqualTo(marker + " shared");
        // Readable, never changeable by the project it is shared with.
        ClientRequestException change = refused(() -> b.deleteSmartLiveRoom(new DeleteSmartLiveRoomRequest()
                .withRoomId(shared)));
        assertThat(change.getErrorCode()).isEqualTo("MSS.20010045");
        ClientRequestException sharedNormal = createRefused(r -> r.withSharedConfig(new SharedConfig()
                .withSharedType(SharedConfig.SharedTypeEnum.SHARED)));
        assertThat(sharedNormal.getErrorMsg()).contains("shared_config");
    }

    @Test
    @DisplayName("Another project sees and changes nothing of a room")
    void anotherProjectSeesAndChangesNothing() {
        String name = "private room " + UUID.randomUUID();
        String id = create(room(name));
        MetaStudioClient b = clientB();
        ClientRequestException show = refused(() -> b.showSmartLiveRoom(new ShowSmartLiveRoomRequest().withRoomId(id)));
        assertThat(show.getHttpStatusCode()).isEqualTo(404);
        assertThat(show.getErrorCode()).isEqualTo("MSS.00000002");
        ClientRequestException update = refused(() -> b.updateSmartLiveRoom(new UpdateSmartLiveRoomRequest()
                .withRoomId(id).withBody(room("stolen").withSceneScripts(List.of()))));
        assertThat(update.getErrorCode()).isEqualTo("MSS.20010045");
        ClientRequestException delete = refused(() -> b.deleteSmartLiveRoom(new DeleteSmartLiveRoomRequest()
                .withRoomId(id)));
        assertThat(delete.getErrorCode()).isEqualTo("MSS.20010045");
        assertThat(b.listSmartLiveRooms(new ListSmartLiveRoomsRequest().withRoomName(name)).getCount()).isZero();
        assertThat(show(id).getRoomName()).isEqualTo(name);
    }

    @Test
    @DisplayName("A room whose job runs cannot be deleted (MSS.20010036); the job API records the job's state")
    void aRoomWithARunningJobIsNotDeleted() {
        String id = create(room("busy " + UUID.randomUUID()));
        liveRooms.markLiveState(TestProjects.PROJECT_A, id, "job-2", LiveState.PROCESSING, Instant.now(), null);
        ClientRequestException busy = refused(() -> client.deleteSmartLiveRoom(new DeleteSmartLiveRoomRequest()
                .withRoomId(id)));
        assertThat(busy.getErrorCode()).isEqualTo("MSS.20010036");
        liveRooms.markRoomState(TestProjects.PROJECT_A, id, RoomState.BLOCKED, "MSS.20010157", "blocked material");
        ShowSmartLiveRoomResponse shown = show(id);
        assertThat(shown.getRoomState().getValue()).isEqualTo("BLOCKED");
        assertThat(shown.getErrorInfo().getErrorCode()).isEqualTo("MSS.20010157");
        liveRooms.markLiveState(TestProjects.PROJECT_A, id, "job-2", LiveState.FAILED, null, Instant.now());
        client.deleteSmartLiveRoom(new DeleteSmartLiveRoomRequest().withRoomId(id));
        assertThat(liveRooms.find(TestProjects.PROJECT_A, id)).isEmpty();
    }

    @Test
    @DisplayName("On the wire: snake_case as documented, background_over_url read and answered as background_cover_url")
    void theWireFormat() throws Exception {
        com.huaweicloud.sdk.core.auth.BasicCredentials a = dev.metastudio.emulator.support.SdkWire.credentials(
                TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
        dev.metastudio.emulator.support.SdkWire wire = new dev.metastudio.emulator.support.SdkWire(baseUrl());
        String body = """
                {"room_name": "wire %s", "scene_scripts": [{"script_name": "s",
                  "background_config": [{"background_type": "IMAGE", "background_config": "https://example.com/bg.jpg",
                                         "background_over_url": "https://example.com/bg-cover.jpg"}],
                  "layer_config": [{"layer_type": "TEXT", "text_config": {"text_context": "aGVsbG8="}}],
                  "shoot_scripts": [{"sequence_no": 0,
                                     "text_config": {"text": "<speak>Hi<break time=\\"200ms\\"/></speak>"}}]}],
                 "video_config": {"codec": "H264", "bitrate": 3000, "width": 1920, "height": 1080, "frame_rate": "25"},
                 "view_mode": "VERTICAL"}""".formatted(UUID.randomUUID());
        com.huaweicloud.sdk.core.http.HttpResponse created = wire.send(a,
                dev.metastudio.emulator.support.SdkWire.Call.post("/v1/{project_id}/smart-live-rooms", body));
        assertThat(created.getStatusCode()).as(created.getBodyAsString()).isEqualTo(200);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode id = json.readTree(created.getBodyAsString());
        assertThat(id.size()).as("only room_id").isEqualTo(1);
        com.huaweicloud.sdk.core.http.HttpResponse shown = wire.send(a, dev.metastudio.emulator.support.SdkWire.Call
                .get("/v1/{project_id}/smart-live-rooms/" + id.get("room_id").asText()));
        com.fasterxml.jackson.databind.JsonNode room = json.readTree(shown.getBodyAsString());
        assertThat(room.get("view_mode").asText()).as("derived from 1920x1080, not as sent").isEqualTo("LANDSCAPE");
        assertThat(room.get("room_state").asText()).isEqualTo("ENABLE");
        assertThat(room.get("room_type").asText()).isEqualTo("NORMAL");
        assertThat(room.get("video_config").get("frame_rate").asText()).isEqualTo("25");
        assertThat(room.has("error_info")).isFalse();
        com.fasterxml.jackson.databind.JsonNode background = room.get("scene_scripts").get(0)
                .get("background_config").get(0);
        assertThat(background.get("background_cover_url").asText()).isEqualTo("https://example.com/bg-cover.jpg");
        assertThat(room.get("scene_scripts").get(0).get("shoot_scripts").get(0).get("text_config").get("text").asText())
                .isEqualTo("<speak>Hi<break time=\"200ms\"/></speak>");
        assertThat(shown.getHeader("X-Request-Id")).isNotBlank();

        com.huaweicloud.sdk.core.http.HttpResponse badEnum = wire.send(a, dev.metastudio.emulator.support.SdkWire.Call
                .post("/v1/{project_id}/smart-live-rooms", "{\"room_name\":\"x\",\"room_type\":\"BIG\"}"));
        assertThat(badEnum.getStatusCode()).isEqualTo(400);
        assertThat(badEnum.getBodyAsString()).contains("MSS.00000003").contains("room_type");
    }

    private List<String> ids(ListSmartLiveRoomsRequest q) {
        return client.listSmartLiveRooms(q).getSmartLiveRooms().stream().map(SmartLiveRoomBaseInfo::getRoomId).toList();
    }
}

package dev.metastudio.emulator.asset;

import static dev.metastudio.emulator.asset.UploadHandshakeContractTest.file;
import static dev.metastudio.emulator.asset.UploadHandshakeContractTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpResponse;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.AssetActionResult;
import com.huaweicloud.sdk.metastudio.v1.model.BatchAssetActionReq;
import com.huaweicloud.sdk.metastudio.v1.model.BatchExecuteAssetActionRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateAssetByReplicationInfoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum;
import com.huaweicloud.sdk.metastudio.v1.model.DeleteAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetSummaryRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetSummarysReq;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ReplicationAssetInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ReplicationEncInfo;
import com.huaweicloud.sdk.metastudio.v1.model.RestoreAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetReplicationInfoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetReplicationInfoResponse;
import com.huaweicloud.sdk.metastudio.v1.model.SystemProperty;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateDigitalAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateDigitalAssetRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateDigitalAssetResponse;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.TestProjects;
import java.awt.Color;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Update, recycle bin, batch actions, summaries, replication and tenant isolation (reference 4.1.3-4.1.10). */
class AssetLifecycleContractTest extends ServerTest {
    private MetaStudioClient a;
    private MetaStudioClient b;

    @BeforeEach
    void connect() {
        a = clientA();
        b = clientB();
    }

    private String activeImage(String name) {
        String id = Assets.create(a, AssetTypeEnum.IMAGE, name);
        Assets.upload(a, id, "img.png", TestMedia.png(24, 24, Color.BLUE), "MAIN");
        return id;
    }

    @Test
    void anUpdateMergesFieldsAndAnswersTheWholeAsset() {
        String id = Assets.create(a, AssetTypeEnum.IMAGE, "before", body -> body.withTags(List.of("x"))
                .withSystemProperties(List.of(new SystemProperty().withKey(SystemProperty.KeyEnum.MATERIAL_IMG).withValue("Yes"))));
        UpdateDigitalAssetResponse updated = a.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(id)
                .withBody(new UpdateDigitalAssetRequestBody().withAssetName("after").withAssetDescription("described")
                        .withTags(List.of("y", "z")).withAssetOrder(7)
                        .withSystemProperties(List.of(
                                new SystemProperty().withAction(SystemProperty.ActionEnum.DELETE).withKey(SystemProperty.KeyEnum.MATERIAL_IMG),
                                new SystemProperty().withAction(SystemProperty.ActionEnum.ADD).withKey(SystemProperty.KeyEnum.BACKGROUND_IMG).withValue("Yes")))));
        assertThat(updated.getAssetName()).isEqualTo("after");
        assertThat(updated.getAssetDescription()).isEqualTo("described");
        assertThat(updated.getTags()).containsExactly("y", "z");
        assertThat(updated.getAssetOrder()).isEqualTo(7);
        assertThat(updated.getSystemProperties()).extracting(p -> p.getKey().getValue()).containsExactly("BACKGROUND_IMG");
        assertThat(updated.getAssetType().getValue()).isEqualTo("IMAGE");
        assertThat(updated.getXRequestId()).isNotBlank();
        assertThat(Instant.parse(updated.getUpdateTime())).isAfterOrEqualTo(Instant.parse(updated.getCreateTime()));
    }

    /** L796 (and L1211 for updates): "Select a structure based on asset_type. Other unmatched structures will be ignored." */
    @Test
    @org.junit.jupiter.api.DisplayName("L796/L1211: asset_extra_meta structures that do not match asset_type are ignored")
    void unmatchedExtraMetaStructuresAreIgnored() {
        var meta = new com.huaweicloud.sdk.metastudio.v1.model.AssetExtraMeta()
                .withPptMeta(new com.huaweicloud.sdk.metastudio.v1.model.PPTAssetMeta().withAutoAnalysis(true))
                .withHumanModelMeta(new com.huaweicloud.sdk.metastudio.v1.model.HumanModelAssetMeta()
                        .withStyleId("system_male_001"));
        String ppt = Assets.create(a, AssetTypeEnum.PPT, "slides with stray meta", body -> body.withAssetExtraMeta(meta));
        var shown = Assets.show(a, ppt).getAssetExtraMeta();
        assertThat(shown.getPptMeta().getAutoAnalysis()).isTrue();
        assertThat(shown.getHumanModelMeta()).isNull();
        // The stray style did not reach the style_id filter either.
        assertThat(ids(a.listAssets(new ListAssetsRequest().withAssetId(List.of(ppt)).withStyleId("system_male_001"))))
                .isEmpty();
        String image = activeImage("image with stray meta");
        a.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(image).withBody(new UpdateDigitalAssetRequestBody()
                .withAssetExtraMeta(meta)));
        var updated = Assets.show(a, image).getAssetExtraMeta();
        assertThat(updated.getPptMeta()).isNull();
        assertThat(updated.getHumanModelMeta()).isNull();
        assertThat(updated.getImageMeta().getWidth()).as("the probed image_meta stays").isEqualTo(24);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("L834: human_model_meta.modeling_type defaults to UPLOADED")
    void aHumanModelIsUploadedUnlessSaidOtherwise() {
        String bare = Assets.create(a, AssetTypeEnum.HUMAN_MODEL, "3d model");
        assertThat(Assets.show(a, bare).getAssetExtraMeta().getHumanModelMeta().getModelingType().getValue())
                .isEqualTo("UPLOADED");
        String styled = Assets.create(a, AssetTypeEnum.HUMAN_MODEL, "styled 3d model", body -> body.withAssetExtraMeta(
                new com.huaweicloud.sdk.metastudio.v1.model.AssetExtraMeta().withHumanModelMeta(
                        new com.huaweicloud.sdk.metastudio.v1.model.HumanModelAssetMeta().withStyleId("system_female_001"))));
        var model = Assets.show(a, styled).getAssetExtraMeta().getHumanModelMeta();
        assertThat(model.getStyleId()).isEqualTo("system_female_001");
        assertThat(model.getModelingType().getValue()).isEqualTo("UPLOADED");
    }

    /**
     * Decision on unknown ids (issue 13 item 10). The details sections document 404 MSS.00000002 (L2667 asset, L4582
     * script, L5406/L6225 jobs); the other operations' tables list only 400/401/500, while every 11.2 code for a
     * missing thing is itself a 404 (MSS.10001001, MSS.10001004, MSS.20010009, L16695-L16696, L16897). So an unknown
     * id is 404 on every operation: MSS.00000002 for assets, scripts and jobs (as the details examples), and
     * MSS.10001004 "Asset file not found" for files.
     */
    @Test
    @org.junit.jupiter.api.DisplayName("L2667/L4582/L16696: an unknown id is 404 on every operation")
    void anUnknownIdIs404OnEveryOperation() {
        String ghost = "00000000-0000-0000-0000-000000000000";
        java.util.Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
        calls.put("show asset", () -> Assets.show(a, ghost));
        calls.put("update asset", () -> a.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(ghost)
                .withBody(new UpdateDigitalAssetRequestBody().withAssetName("x"))));
        calls.put("delete asset", () -> a.deleteAsset(new DeleteAssetRequest().withAssetId(ghost)));
        calls.put("restore asset", () -> a.restoreAsset(new RestoreAssetRequest().withAssetId(ghost)));
        calls.put("create file", () -> Assets.createFile(a, ghost, "a.png", new byte[] {1}, "MAIN"));
        calls.put("show script", () -> a.showVideoScript(
                new com.huaweicloud.sdk.metastudio.v1.model.ShowVideoScriptRequest().withScriptId(ghost)));
        calls.put("update script", () -> a.updateVideoScript(
                new com.huaweicloud.sdk.metastudio.v1.model.UpdateVideoScriptRequest().withScriptId(ghost)
                        .withBody(new com.huaweicloud.sdk.metastudio.v1.model.UpdateVideoScriptsReq().withScriptDescription("x"))));
        calls.put("delete script", () -> a.deleteVideoScript(
                new com.huaweicloud.sdk.metastudio.v1.model.DeleteVideoScriptRequest().withScriptId(ghost)));
        calls.put("copy script", () -> a.copyVideoScripts(
                new com.huaweicloud.sdk.metastudio.v1.model.CopyVideoScriptsRequest().withScriptId(ghost)));
        calls.put("show job", () -> a.show2DDigitalHumanVideo(
                new com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoRequest().withJobId(ghost)));
        calls.put("cancel job", () -> a.cancel2DDigitalHumanVideo(
                new com.huaweicloud.sdk.metastudio.v1.model.Cancel2DDigitalHumanVideoRequest().withJobId(ghost)));
        calls.forEach((what, call) -> {
            var e = refused(call);
            assertThat(e.getHttpStatusCode()).as(what).isEqualTo(404);
            assertThat(e.getErrorCode()).as(what).isEqualTo("MSS.00000002");
            assertThat(e.getErrorMsg()).as(what).contains(ghost);
        });
        java.util.Map<String, Runnable> fileCalls = new java.util.LinkedHashMap<>();
        fileCalls.put("delete file", () -> a.deleteFile(
                new com.huaweicloud.sdk.metastudio.v1.model.DeleteFileRequest().withFileId(ghost)));
        fileCalls.put("confirm file", () -> Assets.confirm(a, ghost,
                com.huaweicloud.sdk.metastudio.v1.model.ConfirmFileUploadRequestBody.StateEnum.CREATED));
        fileCalls.forEach((what, call) -> {
            var e = refused(call);
            assertThat(e.getHttpStatusCode()).as(what).isEqualTo(404);
            assertThat(e.getErrorCode()).as(what).isEqualTo("MSS.10001004");
        });
    }

    /** L1029: "PUBLIC: accessible to all tenants. Currently, only system assets are accessible to all tenants." */
    @Test
    @org.junit.jupiter.api.DisplayName("L1029: a tenant asset cannot be shared PUBLIC")
    void aTenantAssetCannotBePublic() {
        var publicConfig = new com.huaweicloud.sdk.metastudio.v1.model.AssetSharedConfig()
                .withSharedType(com.huaweicloud.sdk.metastudio.v1.model.AssetSharedConfig.SharedTypeEnum.PUBLIC);
        var created = refused(() -> Assets.create(a, AssetTypeEnum.IMAGE, "public", body -> body.withSharedConfig(publicConfig)));
        assertThat(created.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(created.getErrorMsg()).contains("shared_config.shared_type");
        String id = activeImage("not public");
        var updated = refused(() -> a.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(id)
                .withBody(new UpdateDigitalAssetRequestBody().withSharedConfig(publicConfig))));
        assertThat(updated.getErrorMsg()).contains("shared_config.shared_type");
    }

    /**
     * The reference sets no maximum of asset_ids per batch or summaries call; the emulator's limit is the documented
     * setting METASTUDIO_LIMITS_MAX_IDS_PER_CALL (default 1000), refused as an invalid asset_ids that says so.
     * (Before issue 13: a fixed 100 that looked like a reference limit.)
     */
    @Test
    void theEmulatorsOwnLimitOfIdsPerCallIsASettingAndSaysSo() {
        List<String> many = java.util.stream.IntStream.range(0, 150).mapToObj(i -> "id-" + i).toList();
        assertThat(result(batch(BatchAssetActionReq.ActionEnum.UNACTIVE, many), "FAILED").getAssetIds()).hasSize(150);
        assertThat(a.listAssetSummary(new ListAssetSummaryRequest().withBody(new ListAssetSummarysReq()
                .withAssetIds(many))).getAssetList()).isEmpty();
        List<String> tooMany = java.util.stream.IntStream.range(0, 1001).mapToObj(i -> "id-" + i).toList();
        var refusal = refused(() -> batch(BatchAssetActionReq.ActionEnum.UNACTIVE, tooMany));
        assertThat(refusal.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(refusal.getErrorMsg()).contains("asset_ids").contains("METASTUDIO_LIMITS_MAX_IDS_PER_CALL");
        assertThat(refused(() -> a.listAssetSummary(new ListAssetSummaryRequest().withBody(new ListAssetSummarysReq()
                .withAssetIds(tooMany)))).getErrorMsg()).contains("METASTUDIO_LIMITS_MAX_IDS_PER_CALL");
    }

    @Test
    void tenantsMayOnlyToggleActivedAndUnactived() {
        String id = activeImage("toggle");
        setState(id, UpdateDigitalAssetRequestBody.AssetStateEnum.UNACTIVED);
        assertThat(Assets.show(a, id).getAssetState().getValue()).isEqualTo("UNACTIVED");
        setState(id, UpdateDigitalAssetRequestBody.AssetStateEnum.ACTIVED);
        assertThat(Assets.show(a, id).getAssetState().getValue()).isEqualTo("ACTIVED");
        // L1581 offers WAITING_DELETE to tenants (this test expected it refused with MSS.10001013 before issue 13).
        setState(id, UpdateDigitalAssetRequestBody.AssetStateEnum.WAITING_DELETE);
        assertThat(Assets.show(a, id).getAssetState().getValue()).isEqualTo("WAITING_DELETE");
        setState(id, UpdateDigitalAssetRequestBody.AssetStateEnum.ACTIVED);
        // L16661: any other target is MSS.10001014 (the SDK's enum cannot send one; raw JSON can).
        HttpResponse wrongTarget = new SdkWire(baseUrl()).send(
                SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A),
                Call.of(com.huaweicloud.sdk.core.http.HttpMethod.PUT, "/v1/{project_id}/digital-assets/" + id)
                        .withBody("{\"asset_state\":\"BLOCK\"}"));
        assertThat(wrongTarget.getStatusCode()).isEqualTo(400);
        assertThat(wrongTarget.getBodyAsString()).contains("MSS.10001014");
        String creating = Assets.create(a, AssetTypeEnum.IMAGE, "no main file yet");
        var early = refused(() -> setState(creating, UpdateDigitalAssetRequestBody.AssetStateEnum.ACTIVED));
        assertThat(early.getErrorCode()).isEqualTo("MSS.10001013");
        assertThat(early.getErrorMsg()).contains("CREATING");
        var retype = refused(() -> a.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(id).withBody(
                new UpdateDigitalAssetRequestBody().withAssetType(UpdateDigitalAssetRequestBody.AssetTypeEnum.VIDEO))));
        assertThat(retype.getErrorMsg()).contains("asset_type");
    }

    @Test
    void softDeleteGoesToTheRecycleBinAndRestoreReturnsThePreviousState() {
        String id = activeImage("recycle");
        setState(id, UpdateDigitalAssetRequestBody.AssetStateEnum.UNACTIVED);
        a.deleteAsset(new DeleteAssetRequest().withAssetId(id));
        assertThat(Assets.show(a, id).getAssetState().getValue()).isEqualTo("DELETING");
        // L1140: "By default, assets in all statuses are queried", the recycle bin included; DELETING also filters.
        // (This test asserted that the default listing leaves the recycle bin out, contrary to L1140.)
        assertThat(ids(a.listAssets(new ListAssetsRequest().withAssetId(List.of(id))))).containsExactly(id);
        assertThat(ids(a.listAssets(new ListAssetsRequest().withAssetId(List.of(id)).withAssetState("DELETING"))))
                .containsExactly(id);
        a.restoreAsset(new RestoreAssetRequest().withAssetId(id));
        assertThat(Assets.show(a, id).getAssetState().getValue()).isEqualTo("UNACTIVED");
        var notDeleted = refused(() -> a.restoreAsset(new RestoreAssetRequest().withAssetId(id)));
        assertThat(notDeleted.getErrorCode()).isEqualTo("MSS.10001013");
    }

    @Test
    void forceDeleteIsPermanentRemovesTheBytesAndCannotBeRestored() {
        String id = activeImage("force");
        String url = file(Assets.show(a, id), "MAIN").getDownloadUrl();
        a.deleteAsset(new DeleteAssetRequest().withAssetId(id).withMode("force"));
        // L1140: "DELETED: The asset has been deleted. The asset is unavailable and cannot be restored." The record
        // stays (its files gone) so asset_state=DELETED means something, and the default listing (all statuses) has it.
        // (Until issue 13 the record vanished: show answered 404 and the DELETED filter never matched.)
        var shown = Assets.show(a, id);
        assertThat(shown.getAssetState().getValue()).isEqualTo("DELETED");
        assertThat(shown.getFiles()).isEmpty();
        assertThat(ids(a.listAssets(new ListAssetsRequest().withAssetId(List.of(id)).withAssetState("DELETED"))))
                .containsExactly(id);
        assertThat(ids(a.listAssets(new ListAssetsRequest().withAssetId(List.of(id))))).containsExactly(id);
        assertThat(ids(a.listAssets(new ListAssetsRequest().withAssetId(List.of(id)).withAssetState("ACTIVED,DELETING"))))
                .isEmpty();
        var summary = a.listAssetSummary(new ListAssetSummaryRequest().withBody(new ListAssetSummarysReq()
                .withAssetIds(List.of(id)))).getAssetList();
        assertThat(summary).singleElement().satisfies(s -> {
            assertThat(s.getAssetState().getValue()).isEqualTo("DELETED");
            assertThat(s.getCoverUrl()).isNull();
        });
        var again = refused(() -> a.deleteAsset(new DeleteAssetRequest().withAssetId(id)));
        assertThat(again.getHttpStatusCode()).isEqualTo(404);
        var update = refused(() -> a.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(id)
                .withBody(new UpdateDigitalAssetRequestBody().withAssetName("zombie"))));
        assertThat(update.getHttpStatusCode()).isEqualTo(404);
        var restore = refused(() -> a.restoreAsset(new RestoreAssetRequest().withAssetId(id)));
        assertThat(restore.getErrorCode()).isEqualTo("MSS.10001013");
        assertThat(restore.getErrorMsg()).contains("permanently");
        assertThat(Assets.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build()).statusCode())
                .isEqualTo(404);
        assertThat(refused(() -> a.deleteAsset(new DeleteAssetRequest().withAssetId(id).withMode("everything")))
                .getErrorMsg()).contains("mode");
        assertThat(refused(() -> a.deleteAsset(new DeleteAssetRequest().withAssetId("nope"))).getHttpStatusCode())
                .isEqualTo(404);
    }

    @Test
    void batchActionsReportSuccessesAndFailuresGroupedByOutcome() {
        String one = activeImage("batch one");
        String two = activeImage("batch two");
        String creating = Assets.create(a, AssetTypeEnum.IMAGE, "batch creating");
        List<AssetActionResult> results = batch(BatchAssetActionReq.ActionEnum.UNACTIVE, List.of(one, two, creating, "ghost"));
        assertThat(result(results, "SUCCESS").getAssetIds()).containsExactly(one, two);
        List<AssetActionResult> failed = results.stream().filter(r -> r.getRetStatus().getValue().equals("FAILED")).toList();
        assertThat(failed).hasSize(2);
        assertThat(failed).anySatisfy(r -> {
            assertThat(r.getAssetIds()).containsExactly(creating);
            assertThat(r.getErrorInfo().getErrorCode()).isEqualTo("MSS.10001013");
        });
        assertThat(failed).anySatisfy(r -> {
            assertThat(r.getAssetIds()).containsExactly("ghost");
            assertThat(r.getErrorInfo().getErrorCode()).isEqualTo("MSS.00000002");
        });
        assertThat(Assets.show(a, one).getAssetState().getValue()).isEqualTo("UNACTIVED");

        assertThat(result(batch(BatchAssetActionReq.ActionEnum.ACTIVE, List.of(one)), "SUCCESS")).isNotNull();
        batch(BatchAssetActionReq.ActionEnum.DELETE, List.of(one, two));
        assertThat(Assets.show(a, two).getAssetState().getValue()).isEqualTo("DELETING");
        batch(BatchAssetActionReq.ActionEnum.RESTORE, List.of(one));
        assertThat(Assets.show(a, one).getAssetState().getValue()).isEqualTo("ACTIVED");
        batch(BatchAssetActionReq.ActionEnum.DELETE_FORCE, List.of(two));
        // L1140: a force-deleted asset is kept as a DELETED record (was 404 before issue 13).
        assertThat(Assets.show(a, two).getAssetState().getValue()).isEqualTo("DELETED");
        var missingIds = refused(() -> a.batchExecuteAssetAction(new BatchExecuteAssetActionRequest()
                .withBody(new BatchAssetActionReq().withAction(BatchAssetActionReq.ActionEnum.DELETE).withAssetIds(List.of()))));
        assertThat(missingIds.getErrorMsg()).contains("asset_ids");
    }

    @Test
    void sharingMakesAnAssetVisibleToTheOtherProjectReadOnly() {
        String shared = activeImage("shared");
        a.batchExecuteAssetAction(new BatchExecuteAssetActionRequest().withBody(new BatchAssetActionReq()
                .withAction(BatchAssetActionReq.ActionEnum.SHARE).withAssetIds(List.of(shared)).withParams(TestProjects.PROJECT_B)));
        assertThat(ids(b.listAssets(new ListAssetsRequest().withRole(ListAssetsRequest.RoleEnum.SHAREE)))).contains(shared);
        assertThat(ids(a.listAssets(new ListAssetsRequest().withRole(ListAssetsRequest.RoleEnum.SHARER)))).contains(shared);
        assertThat(Assets.show(b, shared).getAssetName()).isEqualTo("shared");
        assertThat(refused(() -> b.deleteAsset(new DeleteAssetRequest().withAssetId(shared))).getErrorCode())
                .isEqualTo("MSS.00023001");
        a.batchExecuteAssetAction(new BatchExecuteAssetActionRequest().withBody(new BatchAssetActionReq()
                .withAction(BatchAssetActionReq.ActionEnum.UNSHARE).withAssetIds(List.of(shared)).withParams(TestProjects.PROJECT_B)));
        assertThat(refused(() -> Assets.show(b, shared)).getHttpStatusCode()).isEqualTo(404);
        var noTargets = refused(() -> a.batchExecuteAssetAction(new BatchExecuteAssetActionRequest().withBody(
                new BatchAssetActionReq().withAction(BatchAssetActionReq.ActionEnum.SHARE).withAssetIds(List.of(shared)))));
        assertThat(noTargets.getErrorMsg()).contains("params");
    }

    /** The SDK calls /summarys, the reference documents /summaries: both answer the same. */
    @Test
    void summariesAnswerOnBothSpellingsAndSkipUnknownIds() {
        String image = activeImage("summarised");
        var viaSdk = a.listAssetSummary(new ListAssetSummaryRequest().withBody(new ListAssetSummarysReq()
                .withAssetIds(List.of(image, "unknown-id"))));
        assertThat(viaSdk.getAssetList()).hasSize(1);
        assertThat(viaSdk.getAssetList().get(0).getAssetName()).isEqualTo("summarised");
        assertThat(viaSdk.getAssetList().get(0).getCoverUrl()).contains("/_objects/");
        BasicCredentials creds = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
        HttpResponse documented = new SdkWire(baseUrl()).send(creds, Call.post(
                "/v1/{project_id}/digital-assets/summaries", "{\"asset_ids\":[\"" + image + "\"]}"));
        assertThat(documented.getStatusCode()).isEqualTo(200);
        assertThat(documented.getBodyAsString()).contains("\"asset_list\"").contains(image);
        HttpResponse empty = new SdkWire(baseUrl()).send(creds, Call.post("/v1/{project_id}/digital-assets/summaries", "{}"));
        assertThat(empty.getStatusCode()).isEqualTo(400);
        assertThat(empty.getBodyAsString()).contains("asset_ids");
    }

    @Test
    void replicationCopiesAnAssetWithItsFilesIntoAnotherProject() {
        byte[] png = TestMedia.png(30, 20, Color.GREEN);
        String id = Assets.create(a, AssetTypeEnum.IMAGE, "to copy", body -> body.withTags(List.of("copied")));
        Assets.upload(a, id, "copy.png", png, "MAIN");
        ShowAssetReplicationInfoResponse info = a.showAssetReplicationInfo(new ShowAssetReplicationInfoRequest().withAssetId(id));
        assertThat(info.getEncryptionInfo().getAlgorithm()).isEqualTo("AES128_GCM");
        assertThat(info.getEncryptionInfo().getKeyId()).isEqualTo("1");
        assertThat(info.getExpireTime()).isGreaterThan(Instant.now().plus(23, ChronoUnit.HOURS).toEpochMilli());
        assertThat(refused(() -> Assets.show(b, id)).getHttpStatusCode()).isEqualTo(404);

        ReplicationAssetInfo body = new ReplicationAssetInfo().withAssetId(id).withAssetInfo(info.getAssetInfo())
                .withEncryptionInfo(info.getEncryptionInfo()).withExpireTime(info.getExpireTime());
        b.createAssetByReplicationInfo(new CreateAssetByReplicationInfoRequest().withBody(body));
        var copy = Assets.show(b, id);
        assertThat(copy.getAssetName()).isEqualTo("to copy");
        assertThat(copy.getTags()).containsExactly("copied");
        assertThat(copy.getAssetState().getValue()).isEqualTo("ACTIVED");
        assertThat(Assets.download(file(copy, "MAIN").getDownloadUrl())).isEqualTo(png);
        // Copying twice into the same project, or with altered info, is refused.
        assertThat(refused(() -> b.createAssetByReplicationInfo(new CreateAssetByReplicationInfoRequest().withBody(body)))
                .getErrorMsg()).contains("already exists");
        String tampered = info.getAssetInfo().substring(0, 10) + (info.getAssetInfo().charAt(10) == 'A' ? 'B' : 'A')
                + info.getAssetInfo().substring(11);
        var altered = refused(() -> b.createAssetByReplicationInfo(new CreateAssetByReplicationInfoRequest().withBody(
                new ReplicationAssetInfo().withAssetInfo(tampered).withEncryptionInfo(new ReplicationEncInfo()
                        .withAlgorithm("AES128_GCM").withKeyId("1").withIv(info.getEncryptionInfo().getIv())))));
        assertThat(altered.getErrorMsg()).contains("asset_info");
        var creating = Assets.create(a, AssetTypeEnum.IMAGE, "not copyable yet");
        assertThat(refused(() -> a.showAssetReplicationInfo(new ShowAssetReplicationInfoRequest().withAssetId(creating)))
                .getErrorCode()).isEqualTo("MSS.10001010");
    }

    @Test
    void projectsCannotSeeOrChangeEachOthersAssetsAndSystemAssetsAreReadOnly() {
        String own = activeImage("isolated");
        assertThat(refused(() -> Assets.show(b, own)).getHttpStatusCode()).isEqualTo(404);
        assertThat(refused(() -> b.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(own)
                .withBody(new UpdateDigitalAssetRequestBody().withAssetName("stolen")))).getHttpStatusCode()).isEqualTo(404);
        assertThat(refused(() -> b.deleteAsset(new DeleteAssetRequest().withAssetId(own))).getHttpStatusCode()).isEqualTo(404);
        assertThat(ids(b.listAssets(new ListAssetsRequest().withAssetId(List.of(own))))).isEmpty();

        String systemVoice = "ed5e360ed686b4b392f06f4421f418ce";
        assertThat(Assets.show(b, systemVoice).getAssetName()).isEqualTo("Friendly female");
        var readOnly = refused(() -> a.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(systemVoice)
                .withBody(new UpdateDigitalAssetRequestBody().withAssetName("mine now"))));
        assertThat(readOnly.getErrorCode()).isEqualTo("MSS.00023001");
        assertThat(refused(() -> a.deleteAsset(new DeleteAssetRequest().withAssetId(systemVoice).withMode("force")))
                .getErrorCode()).isEqualTo("MSS.00023001");
    }

    private void setState(String id, UpdateDigitalAssetRequestBody.AssetStateEnum state) {
        a.updateDigitalAsset(new UpdateDigitalAssetRequest().withAssetId(id)
                .withBody(new UpdateDigitalAssetRequestBody().withAssetState(state)));
    }

    private List<AssetActionResult> batch(BatchAssetActionReq.ActionEnum action, List<String> ids) {
        return a.batchExecuteAssetAction(new BatchExecuteAssetActionRequest()
                .withBody(new BatchAssetActionReq().withAction(action).withAssetIds(ids))).getResults();
    }

    private static AssetActionResult result(List<AssetActionResult> results, String status) {
        return results.stream().filter(r -> r.getRetStatus().getValue().equals(status)).findFirst().orElse(null);
    }

    private static List<String> ids(com.huaweicloud.sdk.metastudio.v1.model.ListAssetsResponse response) {
        return response.getAssets().stream().map(com.huaweicloud.sdk.metastudio.v1.model.DigitalAssetInfo::getAssetId).toList();
    }
}

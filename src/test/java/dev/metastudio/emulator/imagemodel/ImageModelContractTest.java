package dev.metastudio.emulator.imagemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CommentData;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobReq;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.Delete2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserReq;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserReq.CommandEnum;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserResponse;
import com.huaweicloud.sdk.metastudio.v1.model.List2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.List2dModelTrainingJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.OperationLogInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetResponse;
import com.huaweicloud.sdk.metastudio.v1.model.Show2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2dModelTrainingJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.TrainingJobBasicInfo;
import com.huaweicloud.sdk.metastudio.v1.model.Update2dModelTrainingJobReq;
import com.huaweicloud.sdk.metastudio.v1.model.Update2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Update2dModelTrainingJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceProperties;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.TestProjects;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Image Modeling Management (reference 8.1-8.6) through the official SDK, on a real server. */
class ImageModelContractTest extends ServerTest {
    /** Three minutes and a little: the shortest clip the documented 3-10 min rule accepts. */
    private static final int SECONDS = 185;
    private static final ObjectMapper JSON = new ObjectMapper();
    private MetaStudioClient client;

    @BeforeEach
    void connect() {
        client = clientA();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Create2dModelTrainingJobResponse create(String name, Integer parts) {
        return client.create2dModelTrainingJob(new Create2dModelTrainingJobRequest().withBody(
                new Create2dModelTrainingJobReq().withName(name).withContact("tester@example.com")
                        .withVideoMultipartCount(parts).withIsBackgroundReplacement(true)
                        .withBatchName("batch-" + name).withTags(List.of("tag-" + name, "shared-tag"))
                        .withModelVersion(Create2dModelTrainingJobReq.ModelVersionEnum.V3_2)
                        .withVoiceProperties(new VoiceProperties().withJobTag(VoiceProperties.JobTagEnum.NEWS)
                                .withSex(VoiceProperties.SexEnum.FEMALE).withLanguage(VoiceProperties.LanguageEnum.CN))));
    }

    private Show2dModelTrainingJobResponse show(String jobId) {
        return client.show2dModelTrainingJob(new Show2dModelTrainingJobRequest().withJobId(jobId));
    }

    private Execute2dModelTrainingCommandByUserResponse command(String jobId, CommandEnum command) {
        return client.execute2dModelTrainingCommandByUser(new Execute2dModelTrainingCommandByUserRequest()
                .withJobId(jobId).withBody(new Execute2dModelTrainingCommandByUserReq().withCommand(command)));
    }

    private static void put(String url, byte[] bytes) {
        HttpResponse<String> response = Assets.put(url, bytes, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Uploads the ID photos and the authorization letter every non-NA tenant must provide. */
    private static void uploadDocuments(String idCard1, String idCard2, String grant) {
        put(idCard1, TestMedia.jpeg(320, 200, Color.LIGHT_GRAY));
        put(idCard2, TestMedia.jpeg(320, 200, Color.GRAY));
        put(grant, "%PDF-1.4 authorization letter".getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean success(Execute2dModelTrainingCommandByUserResponse r) {
        return r.getCommondResult() != null && "EXCUTE_SUCCESS".equals(r.getCommondResult().getValue());
    }

    private static String state(Show2dModelTrainingJobResponse job) {
        return job.getState().getValue();
    }

    /** Polls the job until {@code until}, returning every distinct state it was seen in, in order. */
    private List<String> watch(String jobId, Predicate<String> until, long timeoutMs) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            String now = state(show(jobId));
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
                seen.add(now);
            }
            if (until.test(now)) {
                return seen;
            }
            Thread.sleep(80);
        }
        throw new AssertionError("job " + jobId + " did not get there in time; seen " + seen);
    }

    private static void expectError(Runnable call, int status, String code, String... words) {
        ServiceResponseException e = catchThrowableOfType(call::run, ServiceResponseException.class);
        assertThat(e).as("expected %s %s", status, code).isNotNull();
        assertThat(e.getHttpStatusCode()).isEqualTo(status);
        assertThat(e.getErrorCode()).isEqualTo(code);
        if (words.length > 0) {
            assertThat(e.getErrorMsg()).contains(words);
        }
    }

    private static String md5Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    // ---- the whole flow ------------------------------------------------------------------------------------------

    @Test
    void aClipWithAFaceWalksEveryStateAndBecomesTheProjectsAvatarAsset() throws Exception {
        String name = "Presenter " + UUID.randomUUID().toString().substring(0, 8);
        Create2dModelTrainingJobResponse created = create(name, 2);
        String jobId = created.getJobId();
        assertThat(jobId).matches("[0-9a-f]{32}");
        assertThat(created.getTrainingVideoUploadUrl()).hasSize(2).doesNotHaveDuplicates();
        assertThat(created.getCoverUploadUrl()).isNotBlank();
        assertThat(created.getActionVideoUploadUrl()).isNull();
        assertThat(created.getAudioUploadUrl()).isNull();
        assertThat(state(show(jobId))).isEqualTo("WAIT_FILE_UPLOAD");

        byte[] video = TrainingClips.withPerson(1920, 1080, SECONDS);
        byte[] first = Arrays.copyOfRange(video, 0, video.length / 2);
        byte[] second = Arrays.copyOfRange(video, video.length / 2, video.length);
        put(created.getTrainingVideoUploadUrl().get(0), first);
        Execute2dModelTrainingCommandByUserResponse half = command(jobId, CommandEnum.GET_MULTIPART_UPLOADED);
        assertThat(half.getMultipartData()).singleElement().satisfies(p -> {
            assertThat(p.getPartNumber()).isEqualTo("1");
            assertThat(p.getEtag()).isEqualTo(md5Hex(first));
        });
        Execute2dModelTrainingCommandByUserResponse early = command(jobId, CommandEnum.CONFIRM_MULTIPART_UPLOADED);
        assertThat(success(early)).isFalse();
        assertThat(early.getExcuteFailedMsg()).contains("[2]");
        put(created.getTrainingVideoUploadUrl().get(1), second);
        assertThat(command(jobId, CommandEnum.GET_MULTIPART_UPLOADED).getMultipartData()).hasSize(2);
        assertThat(success(command(jobId, CommandEnum.CONFIRM_MULTIPART_UPLOADED))).isTrue();
        put(created.getCoverUploadUrl(), TestMedia.jpeg(200, 200, Color.ORANGE));
        uploadDocuments(created.getIdCardImage1UploadUrl(), created.getIdCardImage2UploadUrl(),
                created.getGrantFileUploadUrl());

        assertThat(success(command(jobId, CommandEnum.SUBMITVERIFYING))).isTrue();
        // One-shot URLs: once submitted, what was handed out accepts no more bytes.
        assertThat(Assets.put(created.getTrainingVideoUploadUrl().get(0), first, null).statusCode()).isEqualTo(403);
        // A second submission while reviewing is refused with the reason.
        Execute2dModelTrainingCommandByUserResponse again = command(jobId, CommandEnum.SUBMITVERIFYING);
        assertThat(success(again)).isFalse();
        assertThat(again.getExcuteFailedMsg()).contains("MSS.41000001", "AUTO_VERIFYING");
        expectError(() -> client.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId)),
                400, "MSS.41000018", "AUTO_VERIFYING");

        List<String> walk = watch(jobId, s -> s.equals("JOB_SUCCESS") || s.endsWith("FAILED"), 90_000);
        assertThat(walk).containsExactly("AUTO_VERIFYING", "MANUAL_VERIFYING", "MANUAL_VERIFY_SUCCESS",
                "WAIT_TRAINING_DATA_PREPROCESS", "TRAINING_DATA_PREPROCESSING", "TRAINING_DATA_PREPROCESS_SUCCESS",
                "TRAINING", "TRAIN_SUCCESS", "INFERENCE_DATA_PREPROCESSING", "JOB_SUCCESS");

        Show2dModelTrainingJobResponse done = show(jobId);
        assertThat(done.getName()).isEqualTo(name);
        assertThat(done.getProjectId()).isEqualTo(TestProjects.PROJECT_A);
        assertThat(done.getModelResolution()).isEqualTo("1080P");
        assertThat(done.getContact()).isEqualTo("tester@example.com");
        assertThat(done.getTags()).containsExactly("tag-" + name, "shared-tag");
        assertThat(done.getOperationLogs()).extracting(l -> l.getLogType().getValue()).containsExactly(
                "USER_CREATE_JOD", "USER_VERIFYING_SUBMITTED", "SYSTEM_VERIFY_SUCCESS", "ADMIN_VERIFY_SUCCESS",
                "SYSTEM_TRAIN_DATA_PREPROCESSING", "SYSTEM_TRAIN_DATA_PREPROCESS_SUCCESS", "SYSTEM_TRAINING",
                "SYSTEM_TRAIN_SUCCESS", "SYSTEM_INFERENCE_DATA_PREPROCESSING",
                "SYSTEM_INFERENCE_DATA_PREPROCESS_SUCCESS", "SYSTEM_UPDATE_COVER", "SYSTEM_JOB_SUCCESS");
        assertThat(done.getOperationLogs()).extracting(l -> l.getOperateUser().getValue())
                .startsWith("USER", "USER", "SYSTEM", "ADMIN");
        assertThat(done.getOperationLogs()).allSatisfy(l ->
                assertThat(l.getOperateTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        // The person's region from the detector: around the astronaut, who stands in the middle of the frame.
        assertThat(done.getVerifyVideoMattingInfo()).singleElement().satisfies(m -> {
            assertThat(m.getDx()).isBetween(0, 1300);
            assertThat(m.getDx() + m.getWidth()).isBetween(800, 1920);
            assertThat(m.getMethod().getValue()).isEqualTo("RESERVED");
        });
        assertThat(Assets.download(done.getTrainingVideoDownloadUrl())).isEqualTo(video);
        assertThat(Assets.download(done.getIdCardImage1DownloadUrl())).isNotEmpty();
        assertThat(done.getGrantFileDownloadUrl()).isNotBlank();
        assertThat(done.getCoverDownloadUrl()).isNotBlank();

        String assetId = done.getAssetId();
        assertThat(assetId).isNotBlank();
        ShowAssetResponse asset = Assets.show(client, assetId);
        assertThat(asset.getAssetName()).isEqualTo(name);
        assertThat(asset.getAssetType().getValue()).isEqualTo("HUMAN_MODEL_2D");
        assertThat(asset.getAssetState().getValue()).isEqualTo("ACTIVED");
        assertThat(asset.getFiles()).extracting(f -> f.getAssetFileCategory()).contains("MAIN", "COVER");
        String coverUrl = asset.getFiles().stream().filter(f -> "COVER".equals(f.getAssetFileCategory())).findFirst()
                .orElseThrow().getDownloadUrl();
        java.awt.image.BufferedImage cover = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                Assets.download(coverUrl)));
        assertThat(cover.getWidth()).isEqualTo(640);
        assertThat(cover.getHeight()).isEqualTo(360);
        // The cover is a frame of the footage: the green backdrop at its left edge, as in the training clip.
        Color edge = new Color(cover.getRGB(10, 180));
        assertThat(edge.getGreen()).isGreaterThan(edge.getRed() + 50);

        // Another project sees nothing of it.
        MetaStudioClient other = clientB();
        expectError(() -> other.show2dModelTrainingJob(new Show2dModelTrainingJobRequest().withJobId(jobId)), 404,
                "MSS.41000003");
        assertThat(other.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withJobId(jobId)).getCount())
                .isZero();
        expectError(() -> other.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId)), 404,
                "MSS.41000003");
        expectError(() -> other.execute2dModelTrainingCommandByUser(new Execute2dModelTrainingCommandByUserRequest()
                .withJobId(jobId).withBody(new Execute2dModelTrainingCommandByUserReq()
                        .withCommand(CommandEnum.GET_MULTIPART_UPLOADED))), 404, "MSS.41000003");

        // Update only after a failed review; a finished job is deleted with its asset.
        expectError(() -> client.update2dModelTrainingJob(new Update2dModelTrainingJobRequest().withJobId(jobId)
                .withBody(new Update2dModelTrainingJobReq().withName("renamed"))), 400, "MSS.41000001", "JOB_SUCCESS");
        assertThat(success(command(jobId, CommandEnum.CONFIRM_REPAIR))).isTrue();
        client.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId));
        expectError(() -> show(jobId), 404, "MSS.41000003");
        assertThat(Assets.show(client, assetId).getAssetState().getValue()).isEqualTo("DELETED");
    }

    @Test
    void aClipWithoutAPersonFailsReviewAndAnUpdateGivesNewUrlsForAnotherTry() throws Exception {
        Create2dModelTrainingJobResponse created = create("No one " + UUID.randomUUID(), null);
        String jobId = created.getJobId();
        assertThat(created.getTrainingVideoUploadUrl()).hasSize(1);
        put(created.getTrainingVideoUploadUrl().get(0), TrainingClips.withoutPerson(1920, 1080, SECONDS));
        uploadDocuments(created.getIdCardImage1UploadUrl(), created.getIdCardImage2UploadUrl(),
                created.getGrantFileUploadUrl());
        // Update is refused before any review.
        expectError(() -> client.update2dModelTrainingJob(new Update2dModelTrainingJobRequest().withJobId(jobId)
                .withBody(new Update2dModelTrainingJobReq())), 400, "MSS.41000001", "WAIT_FILE_UPLOAD");
        assertThat(success(command(jobId, CommandEnum.SUBMITVERIFYING))).isTrue();
        assertThat(watch(jobId, s -> !s.equals("AUTO_VERIFYING"), 60_000)).containsExactly("AUTO_VERIFYING",
                "AUTO_VERIFY_FAILED");
        Show2dModelTrainingJobResponse failed = show(jobId);
        OperationLogInfo last = failed.getOperationLogs().get(failed.getOperationLogs().size() - 1);
        assertThat(last.getLogType().getValue()).isEqualTo("SYSTEM_VERIFY_FAILED");
        assertThat(last.getOperateUser().getValue()).isEqualTo("SYSTEM");
        assertThat(last.getLogDescription()).contains("No person", "0 of 6", "facing the camera");
        assertThat(failed.getAssetId()).isNull();

        Update2dModelTrainingJobResponse updated = client.update2dModelTrainingJob(new Update2dModelTrainingJobRequest()
                .withJobId(jobId).withBody(new Update2dModelTrainingJobReq().withName("Second try")
                        .withBatchName("retry")));
        assertThat(updated.getJobId()).isEqualTo(jobId);
        assertThat(updated.getTrainingVideoUploadUrl()).hasSize(1).doesNotContainAnyElementsOf(
                created.getTrainingVideoUploadUrl());
        assertThat(updated.getGrantFileUploadUrl()).isNotEqualTo(created.getGrantFileUploadUrl());
        Show2dModelTrainingJobResponse afterUpdate = show(jobId);
        assertThat(state(afterUpdate)).isEqualTo("AUTO_VERIFY_FAILED");
        assertThat(afterUpdate.getName()).isEqualTo("Second try");
        assertThat(afterUpdate.getBatchName()).isEqualTo("retry");
        assertThat(afterUpdate.getOperationLogs().get(afterUpdate.getOperationLogs().size() - 1).getLogType()
                .getValue()).isEqualTo("USER_UPDATE_VIDEO");
        // The new generation has nothing yet: the old video is not what will be reviewed.
        assertThat(afterUpdate.getTrainingVideoDownloadUrl()).isNull();

        put(updated.getTrainingVideoUploadUrl().get(0), TrainingClips.withPerson(1920, 1080, SECONDS));
        uploadDocuments(updated.getIdCardImage1UploadUrl(), updated.getIdCardImage2UploadUrl(),
                updated.getGrantFileUploadUrl());
        assertThat(success(command(jobId, CommandEnum.SUBMITVERIFYING))).isTrue();
        assertThat(watch(jobId, s -> !s.equals("AUTO_VERIFYING"), 60_000)).containsExactly("AUTO_VERIFYING",
                "MANUAL_VERIFYING");
        // MANUAL_VERIFYING is deletable (L14414): the training stops and the job is gone.
        client.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId));
        expectError(() -> show(jobId), 404, "MSS.41000003");
        Thread.sleep(1500);
        expectError(() -> show(jobId), 404, "MSS.41000003");
    }

    @Test
    void theReviewNamesEveryMissingDocumentAndWrongFormat() throws Exception {
        Create2dModelTrainingJobResponse created = create("Wrong " + UUID.randomUUID(), null);
        String jobId = created.getJobId();
        put(created.getTrainingVideoUploadUrl().get(0), TestMedia.mp4(1280, 720, 2));
        assertThat(success(command(jobId, CommandEnum.SUBMITVERIFYING))).isTrue();
        watch(jobId, s -> !s.equals("AUTO_VERIFYING"), 60_000);
        Show2dModelTrainingJobResponse failed = show(jobId);
        assertThat(state(failed)).isEqualTo("AUTO_VERIFY_FAILED");
        assertThat(failed.getOperationLogs().get(failed.getOperationLogs().size() - 1).getLogDescription())
                .contains("id_card_image1_upload_url", "id_card_image2_upload_url", "grant_file_upload_url",
                        "1080P", "1280x720", "3 min to 10 min", "No person");
        client.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId));
    }

    // ---- create, list, command failures ---------------------------------------------------------------------------

    @Test
    void createRefusesBadFieldsNamingThem() {
        expectError(() -> client.create2dModelTrainingJob(new Create2dModelTrainingJobRequest()
                .withBody(new Create2dModelTrainingJobReq())), 400, "MSS.00000003", "name");
        expectError(() -> create("x", 0), 400, "MSS.00000003", "video_multipart_count");
        expectError(() -> create("x", 1001), 400, "MSS.00000003", "video_multipart_count");
        expectError(() -> client.create2dModelTrainingJob(new Create2dModelTrainingJobRequest().withBody(
                new Create2dModelTrainingJobReq().withName("x").withModelVersion(
                        Create2dModelTrainingJobReq.ModelVersionEnum.V2))), 400, "MSS.00000003", "model_version", "V2");
        expectError(() -> client.create2dModelTrainingJob(new Create2dModelTrainingJobRequest().withBody(
                new Create2dModelTrainingJobReq().withName("x").withVoiceProperties(new VoiceProperties()
                        .withSex(VoiceProperties.SexEnum.MALE).withLanguage(VoiceProperties.LanguageEnum.EN)))),
                400, "MSS.00000003", "voice_properties.job_tag");
        expectError(() -> create("bad<name>", null), 400, "MSS.41000002", "special characters");
    }

    @Test
    void audioSourceAudioAndChoreographyGetTheirUploadUrls() {
        Create2dModelTrainingJobResponse created = client.create2dModelTrainingJob(new Create2dModelTrainingJobRequest()
                .withBody(new Create2dModelTrainingJobReq().withName("With audio " + UUID.randomUUID())
                        .withAudioSourceType(Create2dModelTrainingJobReq.AudioSourceTypeEnum.AUDIO)
                        .withActionVideoMultipartCount(3).withIsFlexus(true)));
        assertThat(created.getAudioUploadUrl()).isNotBlank();
        assertThat(created.getActionVideoUploadUrl()).hasSize(3);
        Show2dModelTrainingJobResponse job = show(created.getJobId());
        assertThat(job.getIsFlexus()).isTrue();
        assertThat(job.getAudioSourceType().getValue()).isEqualTo("AUDIO");
        assertThat(job.getSupportedService()).extracting(Object::toString).containsExactly("VIDEO_2D", "LIVE_2D");
        assertThat(job.getModelVersion().getValue()).isEqualTo("V3.2");
        assertThat(job.getIsBackgroundReplacement()).isTrue();
        Execute2dModelTrainingCommandByUserResponse parts = command(created.getJobId(),
                CommandEnum.GET_ACTION_VIDEO_MULTIPART_UPLOADED);
        assertThat(success(parts)).isTrue();
        assertThat(parts.getMultipartData()).isEmpty();
        client.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(created.getJobId()));
    }

    @Test
    void listFiltersPagesAndCountsTheTotal() {
        String batch = "list-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.create2dModelTrainingJob(new Create2dModelTrainingJobRequest().withBody(
                    new Create2dModelTrainingJobReq().withName("Listed " + i).withBatchName(batch)
                            .withTags(List.of(batch + "-" + (i % 2))).withIsFlexus(i == 2))).getJobId());
        }
        List2dModelTrainingJobResponse page = client.list2dModelTrainingJob(new List2dModelTrainingJobRequest()
                .withBatchName(batch).withLimit(2));
        assertThat(page.getCount()).isEqualTo(3);
        assertThat(page.getJobs()).hasSize(2);
        assertThat(page.getJobs()).extracting(TrainingJobBasicInfo::getJobId).containsExactly(ids.get(0), ids.get(1));
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withOffset(2)).getJobs()).extracting(TrainingJobBasicInfo::getJobId).containsExactly(ids.get(2));
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withSortDir("desc")).getJobs()).extracting(TrainingJobBasicInfo::getJobId)
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withTag(batch + "-0"))
                .getCount()).isEqualTo(2);
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withIsFlexus(true)).getJobs()).extracting(TrainingJobBasicInfo::getJobId).containsExactly(ids.get(2));
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withState("WAIT_FILE_UPLOAD,AUTO_VERIFYING")).getCount()).isEqualTo(3);
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withState("JOB_SUCCESS")).getCount()).isZero();
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withName("Listed 1")).getCount()).isEqualTo(1);
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withModelResolution("4K")).getCount()).isZero();
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withCreateSince("2000-01-01T00:00:00Z").withCreateUntil("2999-01-01T00:00:00Z")).getCount()).isEqualTo(3);
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withCreateSince("2999-01-01T00:00:00Z")).getCount()).isZero();
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)
                .withQueryProjectId(TestProjects.PROJECT_B)).getCount()).isZero();
        TrainingJobBasicInfo first = page.getJobs().get(0);
        assertThat(first.getName()).isEqualTo("Listed 0");
        assertThat(first.getState().getValue()).isEqualTo("WAIT_FILE_UPLOAD");
        assertThat(first.getCreateTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.getModelResolution()).isEqualTo("1080P");
        assertThat(first.getAssetId()).isNull();
        assertThat(clientB().list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch))
                .getCount()).isZero();

        expectError(() -> client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withLimit(0)), 400,
                "MSS.00000003", "limit");
        expectError(() -> client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withSortKey("name")), 400,
                "MSS.00000003", "sort_key");
        expectError(() -> client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withCreateSince("yesterday")),
                400, "MSS.00000003", "create_since");
        ids.forEach(id -> client.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(id)));
        assertThat(client.list2dModelTrainingJob(new List2dModelTrainingJobRequest().withBatchName(batch)).getCount())
                .isZero();
    }

    @Test
    void commandsAnswerBothResultSpellingsAndRefuseWhatTheStateOrTenantDoesNotAllow() throws Exception {
        String jobId = create("Commands " + UUID.randomUUID(), null).getJobId();
        // The reference's command_result/EXECUTE_SUCCESS and the 3.1.143 SDK's commond_result/EXCUTE_SUCCESS.
        com.huaweicloud.sdk.core.http.HttpResponse raw = new SdkWire(baseUrl()).send(
                SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A),
                SdkWire.Call.post("/v1/{project_id}/digital-human-training-manage/user/jobs/" + jobId + "/command",
                        "{\"command\":\"GET_MULTIPART_UPLOADED\"}"));
        assertThat(raw.getStatusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(raw.getBodyAsString());
        assertThat(body.get("command_result").asText()).isEqualTo("EXECUTE_SUCCESS");
        assertThat(body.get("commond_result").asText()).isEqualTo("EXCUTE_SUCCESS");

        Execute2dModelTrainingCommandByUserResponse accept = command(jobId, CommandEnum.CONFIRM_ACCEPT);
        assertThat(accept.getCommondResult().getValue()).isEqualTo("EXCUTE_FAILED");
        assertThat(accept.getExcuteFailedMsg()).contains("NA");
        assertThat(success(command(jobId, CommandEnum.CONFIRM_REPAIR))).isFalse();
        assertThat(command(jobId, CommandEnum.CONFIRM_MULTIPART_UPLOADED).getExcuteFailedMsg())
                .contains("not been uploaded");

        com.huaweicloud.sdk.core.http.HttpResponse unknown = new SdkWire(baseUrl()).send(
                SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A),
                SdkWire.Call.post("/v1/{project_id}/digital-human-training-manage/user/jobs/" + jobId + "/command",
                        "{\"command\":\"SELF_DESTRUCT\"}"));
        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(unknown.getBodyAsString()).contains("MSS.00000003", "command");
        expectError(() -> client.execute2dModelTrainingCommandByUser(new Execute2dModelTrainingCommandByUserRequest()
                .withJobId(jobId).withBody(new Execute2dModelTrainingCommandByUserReq())), 400, "MSS.00000003", "command");
        expectError(() -> command("0123456789abcdef0123456789abcdef", CommandEnum.SUBMITVERIFYING), 404, "MSS.41000003");
        expectError(() -> client.execute2dModelTrainingCommandByUser(new Execute2dModelTrainingCommandByUserRequest()
                .withJobId(jobId).withBody(new Execute2dModelTrainingCommandByUserReq()
                        .withCommand(CommandEnum.CONFIRM_ANSWER).withCommentData(new CommentData()
                                .withCommentTitle("t".repeat(300))))), 400, "MSS.00000003", "comment_title");
        client.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId));
        expectError(() -> client.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId)), 404,
                "MSS.41000003");
        expectError(() -> show("missing"), 404, "MSS.41000003");
    }
}

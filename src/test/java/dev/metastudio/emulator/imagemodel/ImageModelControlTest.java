package dev.metastudio.emulator.imagemodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobReq;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.Delete2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserReq;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserRequest;
import com.huaweicloud.sdk.metastudio.v1.model.List2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2dModelTrainingJobRequest;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ControlPlane;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.TestProjects;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Image training and the control plane: progression rules apply to IMAGE_TRAINING, and a reset removes the jobs. */
class ImageModelControlTest extends ServerTest {
    private ControlPlane control;
    private MetaStudioClient ops;

    @BeforeEach
    void setUp() {
        control = new ControlPlane(baseUrl());
        ops = client(TestProjects.AK_OPS, TestProjects.SK_OPS, TestProjects.PROJECT_OPS);
    }

    @AfterEach
    void restoreProgression() {
        control.delete("/_emulator/progression/IMAGE_TRAINING").expect(200);
        control.delete("/_emulator/faults").expect(200);
    }

    @Test
    void aJobFaultDuringTrainingFailsTheStageWithTheCodeInItsLog() throws Exception {
        String rule = control.fault("""
                {"match": {"job_kind": "IMAGE_TRAINING", "project_id": "%s"},
                 "job_failure": {"error_code": "MSS.42000007", "error_msg": "Injected training failure", "after_ms": 3500},
                 "times": 1}""".formatted(TestProjects.PROJECT_OPS));
        String jobId = submitWithFace(ops);
        long deadline = System.currentTimeMillis() + 60_000;
        String state = state(ops, jobId);
        while (!state.endsWith("FAILED") && !state.equals("JOB_SUCCESS") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            state = state(ops, jobId);
        }
        // Past the review (about 1 s of dwell each state), the failure lands in a preprocessing or training stage.
        assertThat(state).isIn("TRAINING_DATA_PREPROCESS_FAILED", "TRAIN_FAILED", "INFERENCE_DATA_PREPROCESS_FAILED");
        var logs = ops.show2dModelTrainingJob(new Show2dModelTrainingJobRequest().withJobId(jobId)).getOperationLogs();
        var last = logs.get(logs.size() - 1);
        assertThat(last.getLogType().getValue()).startsWith("SYSTEM_").endsWith("_FAILED");
        assertThat(last.getLogDescription()).contains("MSS.42000007", "Injected training failure");
        assertThat(control.hits(rule)).isEqualTo(1);
        Thread.sleep(1500);
        assertThat(state(ops, jobId)).as("a failed job stays failed").isEqualTo(state);
        ops.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId));
    }

    private String submitWithFace(MetaStudioClient client) {
        Create2dModelTrainingJobResponse created = client.create2dModelTrainingJob(new Create2dModelTrainingJobRequest()
                .withBody(new Create2dModelTrainingJobReq().withName("Ops " + UUID.randomUUID().toString().substring(0, 8))));
        assertThat(Assets.put(created.getTrainingVideoUploadUrl().get(0), TrainingClips.withPerson(1920, 1080, 185),
                null).statusCode()).isEqualTo(200);
        Assets.put(created.getIdCardImage1UploadUrl(), TestMedia.jpeg(100, 60, Color.GRAY), null);
        Assets.put(created.getIdCardImage2UploadUrl(), TestMedia.jpeg(100, 60, Color.GRAY), null);
        Assets.put(created.getGrantFileUploadUrl(), "letter".getBytes(StandardCharsets.US_ASCII), null);
        client.execute2dModelTrainingCommandByUser(new Execute2dModelTrainingCommandByUserRequest()
                .withJobId(created.getJobId()).withBody(new Execute2dModelTrainingCommandByUserReq()
                        .withCommand(Execute2dModelTrainingCommandByUserReq.CommandEnum.SUBMITVERIFYING)));
        return created.getJobId();
    }

    private String state(MetaStudioClient client, String jobId) {
        return client.show2dModelTrainingJob(new Show2dModelTrainingJobRequest().withJobId(jobId)).getState().getValue();
    }

    /**
     * Paced, TRAINING and TRAIN_SUCCESS each last at least the dwell (1 s on the test server), so the log entries written
     * when the job enters TRAINING, TRAIN_SUCCESS and INFERENCE_DATA_PREPROCESSING carry three different seconds. Those
     * steps do no work: without the dwell they follow each other within a transaction's time, and two of them share a
     * second. (A bound on the whole walk's time would measure the machine's load: review and preprocessing are real work.)
     */
    @Test
    void immediateProgressionSkipsTheDwell() throws Exception {
        control.put("/_emulator/progression/IMAGE_TRAINING", "{\"mode\": \"immediate\"}").expect(200);
        String jobId = submitWithFace(ops);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!state(ops, jobId).equals("JOB_SUCCESS") && System.currentTimeMillis() < deadline) {
            assertThat(state(ops, jobId)).doesNotEndWith("FAILED");
            Thread.sleep(50);
        }
        assertThat(state(ops, jobId)).isEqualTo("JOB_SUCCESS");
        List<String> seconds = ops.show2dModelTrainingJob(new Show2dModelTrainingJobRequest().withJobId(jobId))
                .getOperationLogs().stream()
                .filter(log -> List.of("SYSTEM_TRAINING", "SYSTEM_TRAIN_SUCCESS", "SYSTEM_INFERENCE_DATA_PREPROCESSING")
                        .contains(log.getLogType().getValue()))
                .map(log -> log.getOperateTime())
                .toList();
        assertThat(seconds).hasSize(3);
        assertThat(seconds.stream().distinct().count()).as("seconds of %s", seconds).isLessThan(3);
        ops.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId));
    }

    @Test
    void manualProgressionHoldsEachStateUntilAdvanced() throws Exception {
        control.put("/_emulator/progression/IMAGE_TRAINING", "{\"mode\": \"manual\"}").expect(200);
        String jobId = submitWithFace(ops);
        Thread.sleep(1500);
        assertThat(state(ops, jobId)).isEqualTo("AUTO_VERIFYING");
        assertThat(control.get("/_emulator/jobs/" + jobId).expect(200).get("queue_state").asText()).isEqualTo("HELD");
        List<String> states = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            ControlPlane.Answer step = control.post("/_emulator/jobs/" + jobId + "/advance", null);
            if (step.status() == 409 && step.json().get("error_code").asText().equals("EMULATOR.STILL_WORKING")) {
                Thread.sleep(200);
                continue;
            }
            JsonNode moved = step.expect(200);
            states.add(moved.get("state").asText());
            assertThat(state(ops, jobId)).isEqualTo(moved.get("state").asText());
            if (moved.get("state").asText().equals("JOB_SUCCESS")) {
                break;
            }
        }
        assertThat(states).containsExactly("MANUAL_VERIFYING", "MANUAL_VERIFY_SUCCESS", "WAIT_TRAINING_DATA_PREPROCESS",
                "TRAINING_DATA_PREPROCESSING", "TRAINING_DATA_PREPROCESS_SUCCESS", "TRAINING", "TRAIN_SUCCESS",
                "INFERENCE_DATA_PREPROCESSING", "JOB_SUCCESS");
        ops.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(jobId));
    }

    @Test
    void aResetRemovesTheProjectsTrainingJobsAndTheirFilesAndNoOtherProjects() {
        control.post("/_emulator/reset", "{\"project_id\": \"" + TestProjects.PROJECT_OPS + "\"}").expect(200);
        Create2dModelTrainingJobResponse created = ops.create2dModelTrainingJob(new Create2dModelTrainingJobRequest()
                .withBody(new Create2dModelTrainingJobReq().withName("Reset me")));
        Assets.put(created.getCoverUploadUrl(), TestMedia.jpeg(64, 64, Color.RED), null);
        String coverUrl = ops.show2dModelTrainingJob(new Show2dModelTrainingJobRequest().withJobId(created.getJobId()))
                .getCoverDownloadUrl();
        assertThat(Assets.download(coverUrl)).isNotEmpty();
        MetaStudioClient a = clientA();
        String kept = a.create2dModelTrainingJob(new Create2dModelTrainingJobRequest()
                .withBody(new Create2dModelTrainingJobReq().withName("Kept"))).getJobId();

        JsonNode removed = control.post("/_emulator/reset", "{\"project_id\": \"" + TestProjects.PROJECT_OPS + "\"}")
                .expect(200).get("removed");
        assertThat(removed.get("image_training_jobs").asLong()).isEqualTo(1);
        assertThat(ops.list2dModelTrainingJob(new List2dModelTrainingJobRequest()).getCount()).isZero();
        ServiceResponseException gone = org.assertj.core.api.Assertions.catchThrowableOfType(() ->
                ops.show2dModelTrainingJob(new Show2dModelTrainingJobRequest().withJobId(created.getJobId())),
                ServiceResponseException.class);
        assertThat(gone.getErrorCode()).isEqualTo("MSS.41000003");
        assertThat(Assets.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(coverUrl)).GET().build())
                .statusCode()).isEqualTo(404);
        assertThat(state(a, kept)).isEqualTo("WAIT_FILE_UPLOAD");
        a.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(kept));
    }
}

package dev.metastudio.emulator.imagemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.metastudio.emulator.asset.HumanModelAssets;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.work.WorkQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whitelisted NA tenant's commands of 8.6 (CONFIRM_ACCEPT / REJECT / PENDING / ACTIVE / ANSWER) on the service
 * alone: the shared test server has no NA tenant, so these rules are checked here, with the job row in memory.
 */
class NaConfirmationSliceTest {
    private static final String NA = "na0000000000000000000000000000001";
    private static final String OTHER = "p00000000000000000000000000000002";
    private final ImageTrainingJobRepository jobs = mock(ImageTrainingJobRepository.class);
    private final ObjectStore store = mock(ObjectStore.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private ImageModelService service;

    @BeforeEach
    void setUp() {
        EmulatorProperties properties = mock(EmulatorProperties.class);
        when(properties.dataDir()).thenReturn(Path.of("/tmp/na-slice"));
        when(store.uploadUrl(anyString(), any(), any(), any())).thenAnswer(i -> "http://store/" + i.getArgument(0));
        service = new ImageModelService(jobs, new TrainingUploads(store), new TrainingSettings(Duration.ofSeconds(1),
                180, 600, NA + ", someone-else", 100), mock(WorkQueue.class), store, mock(HumanModelAssets.class),
                clock, properties);
    }

    private ImageTrainingJobEntity job(String projectId, ImageJobState state) {
        ImageTrainingJobEntity job = new ImageTrainingJobEntity("0123456789abcdef0123456789abcdef", projectId, "Na",
                null, false, null, List.of(), new ImageModelRequests.Settings(null, "UPLOAD_VIDEO", 1, null, true,
                "V3.2", null, "VIDEO", null, List.of("VIDEO_2D"), null, false), clock.instant());
        job.moveTo(state, clock.instant());
        when(jobs.findByJobIdAndProjectId(job.getJobId(), projectId)).thenReturn(Optional.of(job));
        when(jobs.lock(job.getJobId())).thenReturn(Optional.of(job));
        return job;
    }

    private ImageModelRequests.CommandResult run(ImageTrainingJobEntity job, String command,
                                                 ImageModelRequests.CommentData comment) {
        return service.command(job.getProjectId(), job.getJobId(), new ImageModelRequests.Command(command, null, comment),
                "http://127.0.0.1");
    }

    @Test
    void acceptingTheResultFinishesTheJobForGood() {
        ImageTrainingJobEntity job = job(NA, ImageJobState.WAIT_USER_CONFIRM);
        assertThat(run(job, "CONFIRM_ACCEPT", null).commandResult()).isEqualTo("EXECUTE_SUCCESS");
        assertThat(job.getState()).isEqualTo(ImageJobState.JOB_FINISH);
        ImageModelRequests.CommandResult again = run(job, "CONFIRM_REJECT", null);
        assertThat(again.commondResult()).isEqualTo("EXCUTE_FAILED");
        assertThat(again.excuteFailedMsg()).contains("JOB_FINISH");
        assertThat(run(job, "CONFIRM_PENDING", null).commandResult()).isEqualTo("EXECUTE_FAILED");
    }

    @Test
    void rejectingRecordsTheUsersCommentAndEndsInJobReject() {
        ImageTrainingJobEntity job = job(NA, ImageJobState.WAIT_USER_CONFIRM);
        assertThat(run(job, "CONFIRM_REJECT", new ImageModelRequests.CommentData("Lips", "The mouth is off",
                null)).commandResult()).isEqualTo("EXECUTE_SUCCESS");
        assertThat(job.getState()).isEqualTo(ImageJobState.JOB_REJECT);
        assertThat(job.comments()).singleElement().satisfies(c -> {
            assertThat(c.commentType()).isEqualTo("USER_REJECT");
            assertThat(c.commentMessage()).isEqualTo("The mouth is off");
            assertThat(c.operateTime()).isEqualTo("2026-01-02T03:04:05Z");
        });
    }

    @Test
    void suspendingAndActivatingReturnsToThePreviousState() {
        ImageTrainingJobEntity job = job(NA, ImageJobState.WAIT_USER_CONFIRM);
        assertThat(run(job, "CONFIRM_ACTIVE", null).commandResult()).isEqualTo("EXECUTE_FAILED");
        assertThat(run(job, "CONFIRM_PENDING", null).commandResult()).isEqualTo("EXECUTE_SUCCESS");
        assertThat(job.getState()).isEqualTo(ImageJobState.JOB_PENDING);
        assertThat(run(job, "CONFIRM_ACCEPT", null).commandResult()).isEqualTo("EXECUTE_FAILED");
        assertThat(run(job, "CONFIRM_ACTIVE", null).commandResult()).isEqualTo("EXECUTE_SUCCESS");
        assertThat(job.getState()).isEqualTo(ImageJobState.WAIT_USER_CONFIRM);
    }

    @Test
    void anAnswerGetsOneUploadUrlPerAttachment() {
        ImageTrainingJobEntity job = job(NA, ImageJobState.JOB_REJECT);
        ImageModelRequests.CommandResult answer = run(job, "CONFIRM_ANSWER", new ImageModelRequests.CommentData("Re",
                "See the clip", List.of("a.mp4", "b.jpg")));
        assertThat(answer.attachmentUploadUrl()).hasSize(2).doesNotHaveDuplicates();
        assertThat(job.comments()).singleElement().satisfies(c -> assertThat(c.commentType()).isEqualTo("USER_COMMENT"));
    }

    @Test
    void otherTenantsMayNotUseTheNaCommands() {
        ImageTrainingJobEntity job = job(OTHER, ImageJobState.WAIT_USER_CONFIRM);
        for (String command : List.of("CONFIRM_ACCEPT", "CONFIRM_REJECT", "CONFIRM_ANSWER", "CONFIRM_PENDING",
                "CONFIRM_ACTIVE")) {
            ImageModelRequests.CommandResult result = run(job, command, null);
            assertThat(result.commandResult()).as(command).isEqualTo("EXECUTE_FAILED");
            assertThat(result.excuteFailedMsg()).contains("whitelisted NA users");
        }
        assertThat(job.getState()).isEqualTo(ImageJobState.WAIT_USER_CONFIRM);
    }

    @Test
    void naTenantsNeedNoIdentityDocuments() {
        TrainingVideoRules.Findings videoOnly = new TrainingVideoRules.Findings(true, false, false, false, false, false,
                null, null, 0, 0, 0, 0, 0);
        assertThat(new TrainingSettings(Duration.ZERO, 180, 600, NA, 100).rules(NA).missingUploads(videoOnly)).isEmpty();
        assertThat(new TrainingSettings(Duration.ZERO, 180, 600, NA, 100).rules(OTHER).missingUploads(videoOnly))
                .hasSize(3);
    }
}

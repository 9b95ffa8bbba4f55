package dev.metastudio.emulator.imagemodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.media.face.FaceDetector;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review's rules and its face detector, without Spring. */
class TrainingReviewSliceTest {
    private static final TrainingVideoRules RULES = new TrainingVideoRules(180, 600, false);

    private static TrainingVideoRules.Findings video(String container, int w, int h, double seconds, int sampled,
                                                     int withFace) {
        return new TrainingVideoRules.Findings(true, true, true, true, false, false, container, "h264", w, h, seconds,
                sampled, withFace);
    }

    @Test
    void a1080pOr4kMp4OfThreeToTenMinutesWithAFaceThroughoutPasses() {
        assertThat(RULES.videoProblems(video("mov,mp4,m4a,3gp,3g2,mj2", 1920, 1080, 180, 6, 6))).isEmpty();
        assertThat(RULES.videoProblems(video("mov,mp4,m4a,3gp,3g2,mj2", 1080, 1920, 600, 6, 3))).isEmpty();
        assertThat(RULES.videoProblems(video("mov,mp4,m4a,3gp,3g2,mj2", 3840, 2160, 300, 6, 5))).isEmpty();
        assertThat(TrainingVideoRules.resolution(2160, 3840)).contains("4K");
        assertThat(TrainingVideoRules.resolution(1920, 1080)).contains("1080P");
        assertThat(TrainingVideoRules.resolution(1280, 720)).isEmpty();
    }

    @Test
    void eachFailedRequirementIsAReasonTheUserCanActOn() {
        assertThat(RULES.videoProblems(video("matroska,webm", 1920, 1080, 200, 6, 6)))
                .singleElement().asString().contains("MP4").contains("matroska");
        assertThat(RULES.videoProblems(video("mov,mp4", 1280, 720, 200, 6, 6)))
                .singleElement().asString().contains("1080P").contains("1280x720");
        assertThat(RULES.videoProblems(video("mov,mp4", 1920, 1080, 179.5, 6, 6)))
                .singleElement().asString().contains("3 min to 10 min").contains("179.5");
        assertThat(RULES.videoProblems(video("mov,mp4", 1920, 1080, 600.5, 6, 6))).hasSize(1);
        assertThat(RULES.videoProblems(video("mov,mp4", 1920, 1080, 200, 6, 2)))
                .singleElement().asString().contains("No person").contains("2 of 6");
        assertThat(RULES.videoProblems(video("mov,mp4", 1280, 720, 10, 6, 0))).hasSize(3);
    }

    @Test
    void nonNaTenantsMustUploadBothIdPhotosAndTheAuthorizationLetter() {
        TrainingVideoRules.Findings nothing = new TrainingVideoRules.Findings(false, false, false, false, true, false,
                null, null, 0, 0, 0, 0, 0);
        List<String> reasons = RULES.missingUploads(nothing);
        assertThat(reasons).hasSize(5);
        assertThat(String.join(" ", reasons)).contains("training_video_upload_url", "id_card_image1_upload_url",
                "id_card_image2_upload_url", "grant_file_upload_url", "audio_upload_url");
        assertThat(new TrainingVideoRules(180, 600, true).missingUploads(nothing)).hasSize(2);
    }

    @Test
    void deletableAndUpdatableStatesAreTheDocumentedOnes() {
        assertThat(ImageJobState.DELETABLE).hasSize(11).doesNotContain(ImageJobState.AUTO_VERIFYING,
                ImageJobState.TRAINING, ImageJobState.MANUAL_VERIFY_SUCCESS);
        assertThat(ImageJobState.UPDATABLE).containsExactlyInAnyOrder(ImageJobState.AUTO_VERIFY_FAILED,
                ImageJobState.MANUAL_VERIFY_FAILED);
        assertThat(ImageJobState.values()).hasSize(40);
        assertThat(ImageJobState.TRAINING.failure()).isEqualTo(ImageJobState.TRAIN_FAILED);
        assertThat(ImageJobState.AUTO_VERIFYING.failure()).isEqualTo(ImageJobState.AUTO_VERIFY_FAILED);
        assertThat(ImageJobState.INFERENCE_DATA_PREPROCESSING.failure())
                .isEqualTo(ImageJobState.INFERENCE_DATA_PREPROCESS_FAILED);
    }

    @Test
    void theDetectorFindsTheAstronautsFaceAndNoFaceInShapes() throws Exception {
        try (FaceDetector detector = new FaceDetector()) {
            List<FaceDetector.Face> faces = detector.detect(TrainingClips.personFrame(1920, 1080, 0));
            assertThat(faces).isNotEmpty();
            FaceDetector.Face face = faces.get(0);
            // The photo spans x 510..1410, y 90..990; the astronaut's face is in its upper middle.
            assertThat(face.x()).isBetween(600, 1300);
            assertThat(face.y()).isBetween(90, 600);
            assertThat(face.width()).isBetween(100, 500);
            assertThat(detector.detect(TrainingClips.emptyFrame(1920, 1080, 0))).isEmpty();
        }
    }

    @Test
    void sampledFramesOfAClipShowWhetherAPersonIsInIt(@TempDir Path dir) throws Exception {
        Path person = Files.write(dir.resolve("person.mp4"), TrainingClips.withPerson(1920, 1080, 20));
        Path empty = Files.write(dir.resolve("empty.mp4"), TrainingClips.withoutPerson(1920, 1080, 20));
        MediaInfo info = MediaProbe.probe(person);
        assertThat(info.video().width()).isEqualTo(1920);
        assertThat(info.durationSeconds()).isBetween(19.0, 21.0);
        try (FaceDetector detector = new FaceDetector()) {
            FaceDetector.VideoFaces found = detector.sampleVideo(person, 6, info.durationSeconds());
            assertThat(found.framesSampled()).isEqualTo(6);
            assertThat(found.framesWithFace()).isEqualTo(6);
            ImageModelRequests.MattingInfo region = ImageTrainingRunner.person(found.region(), 1920, 1080);
            assertThat(region.dx()).isBetween(0, 1300);
            assertThat(region.dy() + region.height()).isEqualTo(1080);
            FaceDetector.VideoFaces none = detector.sampleVideo(empty, 6, MediaProbe.probe(empty).durationSeconds());
            assertThat(none.framesSampled()).isEqualTo(6);
            assertThat(none.framesWithFace()).isZero();
        }
    }
}

package dev.metastudio.emulator.imagemodel;

import dev.metastudio.emulator.asset.HumanModelAssets;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.face.FaceDetector;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaKind;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.media.probe.Thumbnails;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.work.WorkContext;
import dev.metastudio.emulator.work.WorkFailure;
import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Walks a submitted job through state machine A: the automatic review (probe and face detection for real), the
 * emulated manual review (approved), training-data preprocessing (cover and thumbnail cut from the footage),
 * training, inference preprocessing (the HUMAN_MODEL_2D asset is created), then JOB_SUCCESS (or WAIT_USER_CONFIRM for
 * a whitelisted NA tenant). Every state lasts at least the configured dwell in real-time progression. It resumes
 * from the job's own state, so a job requeued after a lost worker goes on where it was.
 */
@Component
class ImageTrainingRunner implements WorkRunner {
    static final int FACE_SAMPLES = 6;
    static final int COVER_WIDTH = 640;
    static final int THUMBNAIL_WIDTH = 160;

    private final ImageTrainingJobRepository jobs;
    private final TrainingUploads uploads;
    private final TrainingSettings settings;
    private final ObjectStore store;
    private final HumanModelAssets assets;
    private final Clock clock;
    private final Path scratch;

    ImageTrainingRunner(ImageTrainingJobRepository jobs, TrainingUploads uploads, TrainingSettings settings,
                        ObjectStore store, HumanModelAssets assets, Clock clock, EmulatorProperties properties) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.settings = settings;
        this.store = store;
        this.assets = assets;
        this.clock = clock;
        this.scratch = properties.dataDir().resolve("tmp").resolve("image-training");
    }

    static String jobIdOf(String subjectId) {
        int dot = subjectId.lastIndexOf('.');
        return dot < 0 ? subjectId : subjectId.substring(0, dot);
    }

    @Override
    public void run(WorkItem item, WorkContext context) throws WorkFailure {
        String jobId = jobIdOf(item.subjectId());
        while (!context.stopRequested()) {
            Optional<ImageTrainingJobEntity> found = jobs.findById(jobId);
            if (found.isEmpty()) {
                return;
            }
            ImageTrainingJobEntity job = found.get();
            ImageJobState state = job.getState();
            if (!dwell(context, job)) {
                return;
            }
            boolean moved = switch (state) {
                case AUTO_VERIFYING -> review(context, job);
                case MANUAL_VERIFYING -> step(context, job, ImageJobState.MANUAL_VERIFY_SUCCESS,
                        j -> j.log("ADMIN_VERIFY_SUCCESS", "approved by the emulator's reviewer", "ADMIN", clock.instant()));
                case MANUAL_VERIFY_SUCCESS -> step(context, job, ImageJobState.WAIT_TRAINING_DATA_PREPROCESS, j -> { });
                case WAIT_TRAINING_DATA_PREPROCESS -> step(context, job, ImageJobState.TRAINING_DATA_PREPROCESSING,
                        j -> j.log("SYSTEM_TRAIN_DATA_PREPROCESSING", "preprocessing the training video", "SYSTEM", clock.instant()));
                case TRAINING_DATA_PREPROCESSING -> preprocess(context, job);
                case TRAINING_DATA_PREPROCESS_SUCCESS -> step(context, job, ImageJobState.TRAINING,
                        j -> j.log("SYSTEM_TRAINING", "training the model", "SYSTEM", clock.instant()));
                case TRAINING -> step(context, job, ImageJobState.TRAIN_SUCCESS,
                        j -> j.log("SYSTEM_TRAIN_SUCCESS", "model trained", "SYSTEM", clock.instant()));
                case TRAIN_SUCCESS -> step(context, job, ImageJobState.INFERENCE_DATA_PREPROCESSING,
                        j -> j.log("SYSTEM_INFERENCE_DATA_PREPROCESSING", "preparing the model for inference", "SYSTEM",
                                clock.instant()));
                case INFERENCE_DATA_PREPROCESSING -> finish(context, job, item);
                default -> false;
            };
            if (!moved || ImageJobState.WORK_ENDS.contains(jobs.findById(jobId).map(ImageTrainingJobEntity::getState)
                    .orElse(ImageJobState.JOB_SUCCESS))) {
                return;
            }
        }
    }

    /** Holds the job in its state for the configured dwell (real-time and manual progression); false if stopped. */
    private boolean dwell(WorkContext context, ImageTrainingJobEntity job) {
        if (!context.paced()) {
            return true;
        }
        Instant until = job.getUpdateTime().plus(settings.dwell());
        while (true) {
            Duration left = Duration.between(clock.instant(), until);
            if (left.isNegative() || left.isZero()) {
                return true;
            }
            if (context.stopRequested()) {
                return false;
            }
            context.awaitSignal(left);
        }
    }

    private boolean step(WorkContext context, ImageTrainingJobEntity job, ImageJobState next,
                         Consumer<ImageTrainingJobEntity> change) {
        ImageJobState expected = job.getState();
        return context.transition(next.name(), () -> jobs.lock(job.getJobId())
                .filter(j -> j.getState() == expected)
                .map(j -> {
                    change.accept(j);
                    j.moveTo(next, clock.instant());
                    return true;
                }).orElse(false));
    }

    // ---- AUTO_VERIFYING ----------------------------------------------------------------------------------------

    private boolean review(WorkContext context, ImageTrainingJobEntity job) throws WorkFailure {
        TrainingVideoRules rules = settings.rules(job.getProjectId());
        ImageModelRequests.Settings s = job.settingsDoc();
        String videoKey = TrainingUploads.key(job, TrainingUploads.VIDEO);
        TrainingVideoRules.Findings uploaded = new TrainingVideoRules.Findings(uploads.uploaded(videoKey),
                uploads.uploaded(TrainingUploads.key(job, TrainingUploads.ID_CARD_1)),
                uploads.uploaded(TrainingUploads.key(job, TrainingUploads.ID_CARD_2)),
                uploads.uploaded(TrainingUploads.key(job, TrainingUploads.GRANT)), "AUDIO".equals(s.audioSourceType()),
                uploads.uploaded(TrainingUploads.key(job, TrainingUploads.AUDIO)), null, null, 0, 0, 0, 0, 0);
        List<String> reasons = new ArrayList<>(rules.missingUploads(uploaded));
        List<ImageModelRequests.MattingInfo> matting = null;
        String resolution = null;
        if (uploaded.videoUploaded()) {
            Path local = null;
            try {
                Files.createDirectories(scratch);
                local = store.localFile(videoKey, scratch);
                MediaInfo info = MediaProbe.probe(local);
                if (info.kind() != MediaKind.VIDEO || info.video() == null) {
                    reasons.add("The training video must be an MP4 video; the upload is " + info.kind().name()
                            .toLowerCase() + " (" + info.container() + ").");
                } else {
                    TrainingVideoRules.Findings probed = new TrainingVideoRules.Findings(true, true, true, true, false,
                            false, info.container(), info.video().codec(), info.video().width(), info.video().height(),
                            info.durationSeconds(), 0, 0);
                    FaceDetector.VideoFaces faces;
                    try (FaceDetector detector = new FaceDetector()) {
                        faces = detector.sampleVideo(local, FACE_SAMPLES, info.durationSeconds());
                    }
                    probed = new TrainingVideoRules.Findings(true, true, true, true, false, false, info.container(),
                            info.video().codec(), info.video().width(), info.video().height(), info.durationSeconds(),
                            faces.framesSampled(), faces.framesWithFace());
                    reasons.addAll(rules.videoProblems(probed));
                    resolution = TrainingVideoRules.resolution(info.video().width(), info.video().height()).orElse(null);
                    FaceDetector.Face region = faces.region();
                    if (region != null) {
                        matting = List.of(person(region, info.video().width(), info.video().height()));
                    }
                }
            } catch (MediaException e) {
                reasons.add("The training video cannot be read as an MP4 video (" + e.getMessage() + "): upload an"
                        + " H.264 MP4 file.");
            } catch (IOException e) {
                throw new WorkFailure(ImageModelCodes.INTERNAL, "Internal Error: the training video could not be read: "
                        + e.getMessage(), e);
            } finally {
                deleteCopy(local);
            }
        }
        Instant now = clock.instant();
        if (!reasons.isEmpty()) {
            String description = String.join(" ", reasons);
            return context.transition(ImageJobState.AUTO_VERIFY_FAILED.name(), () -> jobs.lock(job.getJobId())
                    .filter(j -> j.getState() == ImageJobState.AUTO_VERIFYING)
                    .map(j -> {
                        j.log("SYSTEM_VERIFY_FAILED", description, "SYSTEM", now);
                        j.moveTo(ImageJobState.AUTO_VERIFY_FAILED, now);
                        return true;
                    }).orElse(false));
        }
        List<ImageModelRequests.MattingInfo> found = matting;
        String res = resolution;
        return context.transition(ImageJobState.MANUAL_VERIFYING.name(), () -> jobs.lock(job.getJobId())
                .filter(j -> j.getState() == ImageJobState.AUTO_VERIFYING)
                .map(j -> {
                    j.setMatting(found);
                    if (res != null) {
                        j.setModelResolution(res);
                    }
                    j.log("SYSTEM_VERIFY_SUCCESS", "automatic review passed", "SYSTEM", now);
                    j.moveTo(ImageJobState.MANUAL_VERIFYING, now);
                    return true;
                }).orElse(false));
    }

    /** The presenter's region around the face: three faces wide, from half a face above it to the frame's bottom. */
    static ImageModelRequests.MattingInfo person(FaceDetector.Face face, int width, int height) {
        int x0 = Math.max(0, face.x() - face.width());
        int y0 = Math.max(0, face.y() - face.height() / 2);
        int x1 = Math.min(width, face.x() + 2 * face.width());
        return new ImageModelRequests.MattingInfo(Math.min(x0, 3840), Math.min(y0, 3840), Math.max(1, x1 - x0),
                Math.max(1, height - y0), "RESERVED");
    }

    // ---- TRAINING_DATA_PREPROCESSING: the cover and thumbnail -----------------------------------------------------

    private boolean preprocess(WorkContext context, ImageTrainingJobEntity job) throws WorkFailure {
        Path local = null;
        Path cover = null;
        Path thumb = null;
        try {
            Files.createDirectories(scratch);
            local = store.localFile(TrainingUploads.key(job, TrainingUploads.VIDEO), scratch);
            cover = Files.createTempFile(scratch, "cover", ".jpg");
            thumb = Files.createTempFile(scratch, "thumb", ".jpg");
            Thumbnails.writeCover(local, cover, COVER_WIDTH);
            Thumbnails.writeCover(local, thumb, THUMBNAIL_WIDTH);
            store.put(TrainingUploads.generated(job, "cover.jpg"), cover, "image/jpeg");
            store.put(TrainingUploads.generated(job, "thumbnail.jpg"), thumb, "image/jpeg");
        } catch (MediaException | IOException e) {
            throw new WorkFailure(ImageModelCodes.INTERNAL, "Training data preprocessing failed: " + e.getMessage(), e);
        } finally {
            deleteCopy(local);
            deleteQuietly(cover);
            deleteQuietly(thumb);
        }
        return step(context, job, ImageJobState.TRAINING_DATA_PREPROCESS_SUCCESS, j -> j.log(
                "SYSTEM_TRAIN_DATA_PREPROCESS_SUCCESS", "cover and thumbnail cut from the training video", "SYSTEM",
                clock.instant()));
    }

    // ---- INFERENCE_DATA_PREPROCESSING: the asset ---------------------------------------------------------------

    private boolean finish(WorkContext context, ImageTrainingJobEntity job, WorkItem item) throws WorkFailure {
        if (job.getAssetId() != null) {
            return settle(context, job);
        }
        ImageModelRequests.Settings s = job.settingsDoc();
        Path local = null;
        Path cover = null;
        Path thumb = null;
        String assetId;
        try {
            Files.createDirectories(scratch);
            local = store.localFile(TrainingUploads.key(job, TrainingUploads.VIDEO), scratch);
            cover = store.localFile(TrainingUploads.generated(job, "cover.jpg"), scratch);
            thumb = store.localFile(TrainingUploads.generated(job, "thumbnail.jpg"), scratch);
            MediaInfo info = MediaProbe.probe(local);
            String framing = info.video() != null && info.video().height() > info.video().width() ? "PORTRAIT" : "LANDSCAPE";
            String look = s.voiceProperties() != null && "MALE".equals(s.voiceProperties().sex()) ? "david" : "anna";
            assetId = assets.create(new HumanModelAssets.Trained(job.getProjectId(), job.getAppUserId(), job.getName(),
                    job.tagList(), s.supportedService(), job.getModelResolution(), job.isFlexus(), look, framing,
                    face(local, info), local, cover, thumb));
        } catch (MediaException | IOException | RuntimeException e) {
            throw new WorkFailure(ImageModelCodes.ASSET_UPDATE_FAILED, "Asset update failed: the model could not be"
                    + " stored as an asset: " + e.getMessage(), e);
        } finally {
            deleteCopy(local);
            deleteCopy(cover);
            deleteCopy(thumb);
        }
        Instant now = clock.instant();
        boolean recorded = context.transact(() -> jobs.lock(job.getJobId())
                .filter(j -> j.getState() == ImageJobState.INFERENCE_DATA_PREPROCESSING && j.getAssetId() == null)
                .map(j -> {
                    j.setAssetId(assetId);
                    j.log("SYSTEM_INFERENCE_DATA_PREPROCESS_SUCCESS", "model asset " + assetId + " created", "SYSTEM", now);
                    j.log("SYSTEM_UPDATE_COVER", "cover cut from the training video", "SYSTEM", now);
                    return true;
                }).orElse(false)).orElse(false);
        if (!recorded) {
            assets.deletePermanently(job.getProjectId(), assetId);
            return false;
        }
        return settle(context, jobs.findById(job.getJobId()).orElse(job));
    }

    /** The largest face over the footage's sampled frames, for the renderer's mouth; null when none is found. */
    private static int[] face(Path footage, MediaInfo info) throws MediaException {
        try (FaceDetector detector = new FaceDetector()) {
            FaceDetector.VideoFaces faces = detector.sampleVideo(footage, FACE_SAMPLES, info.durationSeconds());
            return faces.faces().stream().max(java.util.Comparator.comparingInt(FaceDetector.Face::area))
                    .map(f -> new int[]{f.x(), f.y(), f.width(), f.height()}).orElse(null);
        }
    }

    private boolean settle(WorkContext context, ImageTrainingJobEntity job) {
        boolean na = settings.na(job.getProjectId());
        ImageJobState end = na ? ImageJobState.WAIT_USER_CONFIRM : ImageJobState.JOB_SUCCESS;
        return context.transition(end.name(), () -> jobs.lock(job.getJobId())
                .filter(j -> j.getState() == ImageJobState.INFERENCE_DATA_PREPROCESSING)
                .map(j -> {
                    j.log("SYSTEM_JOB_SUCCESS", na ? "model ready: waiting for the user's confirmation"
                            : "model ready: asset " + j.getAssetId(), "SYSTEM", clock.instant());
                    j.moveTo(end, clock.instant());
                    return true;
                }).orElse(false));
    }

    private void deleteCopy(Path local) {
        if (local != null && local.startsWith(scratch)) {
            deleteQuietly(local);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Scratch space.
        }
    }
}

package dev.metastudio.emulator.voicemodel;

import dev.metastudio.emulator.asset.TrainedVoices;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.config.MediaSettings;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.speech.SpeechRenderer;
import dev.metastudio.emulator.work.WorkCommand;
import dev.metastudio.emulator.work.WorkContext;
import dev.metastudio.emulator.work.WorkFailure;
import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Walks a submitted job through state machine B, each state at least the training dwell
 * ({@code metastudio.training.dwell}, METASTUDIO_TRAINING_DWELL, default 1 s; none under immediate progression):
 * SYSTEM_AUDITING (the automatic review of the uploads) to AUDITING, or AUDIT_FAILED where the job waits (parked,
 * no worker held) for the tenant to upload again and submit; AUDITING (approved by the emulator as administrator);
 * for the premium edition WAITING_SPLIT, SPLITTING and ANNOTATING; WAITING; PROCESSING (the voice is learnt from the
 * recordings); RESULT_REVIEW; SUCCEED with the VOICE_MODEL asset. A worker lost midway starts again from the review.
 */
@Component
class VoiceTrainingRunner implements WorkRunner {
    private final VoiceJobRepository jobs;
    private final TrainingData data;
    private final TrainedVoices voices;
    private final MediaSettings media;
    private final Path scratch;
    private final Duration dwell;
    private final Clock clock;

    VoiceTrainingRunner(VoiceJobRepository jobs, TrainingData data, TrainedVoices voices, MediaSettings media,
                        EmulatorProperties properties, @Value("${metastudio.training.dwell:1s}") Duration dwell,
                        Clock clock) {
        this.jobs = jobs;
        this.data = data;
        this.voices = voices;
        this.media = media;
        this.scratch = properties.dataDir().resolve("tmp").resolve("voice-training");
        this.dwell = dwell.isNegative() ? Duration.ZERO : dwell;
        this.clock = clock;
    }

    @Override
    public void run(WorkItem item, WorkContext context) throws WorkFailure {
        String id = item.subjectId();
        if (JobState.AUDIT_FAILED.name().equals(item.jobState())) {
            // Resumed by a new submission (9.5 already moved the job to SYSTEM_AUDITING).
            for (WorkCommand command : context.takeCommands()) {
                context.completeCommand(command.commandId(), true, "{}");
            }
            if (!context.transition(JobState.SYSTEM_AUDITING.name(), () -> jobs.lock(id)
                    .map(j -> j.state == JobState.SYSTEM_AUDITING).orElse(false))) {
                return;
            }
        }
        pause(context);
        VoiceJobEntity job = jobs.findById(id).orElse(null);
        if (job == null || context.stopRequested()) {
            return;
        }
        RecordingAudit.Outcome outcome;
        try {
            outcome = data.audit(job);
        } catch (IOException | UncheckedIOException e) {
            throw new WorkFailure(VoiceTrainingCodes.TRAINING_FAILED, "Training failed: the uploads could not be"
                    + " read: " + e.getMessage(), e);
        }
        if (!outcome.passed()) {
            context.park(JobState.AUDIT_FAILED.name(), () -> change(id, JobState.AUDIT_FAILED, j -> {
                j.rejectTimes = Math.min(10, j.rejectTimes + 1);
                j.auditResult = JsonColumns.write(new VoiceViews.AuditResult(new VoiceViews.SystemAuditResult(
                        now(), outcome.errors()), null));
                VoiceTrainingService.log(j, "AUDIT_NOT_PASS", "SYSTEM", clock.instant());
                data.reopen(j);
            }));
            return;
        }
        long audited = now();
        if (!step(context, id, JobState.AUDITING, j -> {
            j.auditResult = JsonColumns.write(new VoiceViews.AuditResult(new VoiceViews.SystemAuditResult(audited,
                    List.of()), null));
            VoiceTrainingService.log(j, "SYSTEM_AUDIT_PASS", "SYSTEM", clock.instant());
        })) {
            return;
        }
        Consumer<VoiceJobEntity> approved = j -> {
            j.auditResult = JsonColumns.write(new VoiceViews.AuditResult(new VoiceViews.SystemAuditResult(audited,
                    List.of()), new VoiceViews.AdminAuditResult("Approved (the emulator reviews as the"
                    + " administrator: recordings and texts passed the automatic review)", null, null, now())));
            VoiceTrainingService.log(j, "ADMIN_AUDIT_PASS", "ADMIN", clock.instant());
        };
        if (job.jobType.longRecording()) {
            if (!step(context, id, JobState.WAITING_SPLIT, approved) || !step(context, id, JobState.SPLITTING, j -> { })
                    || !step(context, id, JobState.ANNOTATING, j -> { })
                    || !step(context, id, JobState.WAITING, j -> { })) {
                return;
            }
        } else if (!step(context, id, JobState.WAITING, approved)) {
            return;
        }
        if (!step(context, id, JobState.PROCESSING, j -> { })) {
            return;
        }
        VoiceCloner.Learnt learnt;
        try {
            learnt = new VoiceCloner(new SpeechRenderer(media.espeak(), scratch), scratch)
                    .learn(job.language, job.sex, outcome.accepted(), context::stopRequested);
        } catch (MediaException e) {
            if (context.stopRequested()) {
                return;
            }
            throw new WorkFailure(VoiceTrainingCodes.TRAINING_FAILED, "Training failed: " + e.getMessage(), e);
        }
        String timbre = JsonColumns.write(learnt);
        if (!step(context, id, JobState.RESULT_REVIEW, j -> {
            j.timbre = timbre;
            VoiceTrainingService.log(j, "MOUNTING_FINISH", "SYSTEM", clock.instant());
        })) {
            return;
        }
        step(context, id, JobState.SUCCEED, j -> {
            VoiceTrainingService.log(j, "UPLOADING_MODEL", "SYSTEM", clock.instant());
            j.assetId = voices.create(j.projectId, j.voiceName, j.description, j.appUserId,
                    new TrainedVoices.Timbre(learnt.language(), learnt.sex(), learnt.pitch(), learnt.rate(),
                            learnt.gain()));
            VoiceTrainingService.log(j, "COMPLETE_JOB", "SYSTEM", clock.instant());
        });
    }

    /** Waits the dwell in the current state, then enters {@code state}. False when nothing was written. */
    private boolean step(WorkContext context, String id, JobState state, Consumer<VoiceJobEntity> change) {
        pause(context);
        if (context.stopRequested()) {
            return false;
        }
        return context.transition(state.name(), () -> change(id, state, change));
    }

    private boolean change(String id, JobState state, Consumer<VoiceJobEntity> change) {
        return jobs.lock(id).filter(j -> !j.state.terminal()).map(j -> {
            j.state = state;
            change.accept(j);
            j.updateTime = clock.instant();
            return true;
        }).orElse(false);
    }

    private void pause(WorkContext context) {
        if (!context.paced() || dwell.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + dwell.toNanos();
        while (!context.stopRequested()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            context.awaitSignal(Duration.ofNanos(left));
        }
    }

    private long now() {
        Instant now = clock.instant();
        return now.getEpochSecond();
    }
}

package dev.metastudio.emulator.voicemodel;

import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.storage.StorageProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where a job's uploads live in the object store (presigned upload URLs, as OBS URLs in the real service) and how
 * the review reads them: the package, or each sentence's recording and text, and the authorization letter.
 */
@Component
class TrainingData {
    private final ObjectStore store;
    private final StorageProperties storage;
    private final RecordingAudit.Rules rules;

    TrainingData(ObjectStore store, StorageProperties storage) {
        this.store = store;
        this.storage = storage;
        this.rules = RecordingAudit.Rules.DEFAULT;
    }

    static String base(VoiceJobEntity job) {
        return "projects/" + job.projectId + "/voice-training/" + job.jobId + "/";
    }

    static String packageKey(VoiceJobEntity job) {
        return base(job) + "data.zip";
    }

    static String audioKey(VoiceJobEntity job, int index) {
        return base(job) + "segments/" + index + ".wav";
    }

    static String textKey(VoiceJobEntity job, int index) {
        return base(job) + "segments/" + index + ".txt";
    }

    static String letterKey(VoiceJobEntity job) {
        return base(job) + "authorization-letter";
    }

    static List<String> keys(VoiceJobEntity job) {
        List<String> keys = new ArrayList<>();
        keys.add(packageKey(job));
        keys.add(letterKey(job));
        for (int i = 0; i < job.jobType.segments(); i++) {
            keys.add(audioKey(job, i));
            keys.add(textKey(job, i));
        }
        return keys;
    }

    private boolean exists(String key) {
        try {
            return store.stat(key).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] read(String key) {
        try {
            if (store.stat(key).isEmpty()) {
                return null;
            }
            try (InputStream in = store.open(key)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the package is uploaded (PACKAGE) or any sentence is (SEGMENT). */
    boolean anyUploaded(VoiceJobEntity job) {
        if (!"SEGMENT".equals(job.createType) && exists(packageKey(job))) {
            return true;
        }
        if (!"PACKAGE".equals(job.createType)) {
            for (int i = 0; i < job.jobType.segments(); i++) {
                if (exists(audioKey(job, i)) || exists(textKey(job, i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Submitted: what is under review stays what was uploaded. */
    void close(VoiceJobEntity job) {
        for (String key : keys(job)) {
            try {
                store.closeUploads(key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The review failed: the tenant may upload again (the same URLs, or new ones from 9.9). */
    void reopen(VoiceJobEntity job) {
        for (String key : keys(job)) {
            try {
                store.reopenUploads(key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The automatic review of what the job's tenant uploaded. */
    RecordingAudit.Outcome audit(VoiceJobEntity job) throws IOException {
        RecordingAudit audit = new RecordingAudit(job.jobType, job.language, rules);
        if (!"SEGMENT".equals(job.createType) && exists(packageKey(job))) {
            try (InputStream in = store.open(packageKey(job))) {
                return audit.auditPackage(in);
            }
        }
        List<RecordingAudit.Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < job.jobType.segments(); i++) {
            sentences.add(new RecordingAudit.Sentence(i, read(audioKey(job, i)),
                    job.jobType.longRecording() ? null : read(textKey(job, i))));
        }
        return audit.auditSegments(sentences);
    }

    RecordingAudit.SegmentCheck confirm(VoiceJobEntity job, int index) {
        return new RecordingAudit(job.jobType, job.language, rules).confirm(new RecordingAudit.Sentence(index,
                read(audioKey(job, index)), job.jobType.longRecording() ? null : read(textKey(job, index))));
    }

    /** voice_authorization_url: the uploaded letter, when there is one. */
    String letterUrl(VoiceJobEntity job, String baseUrl) {
        return exists(letterKey(job)) ? store.downloadUrl(letterKey(job), storage.downloadUrlValidity(),
                "authorization-letter", baseUrl) : null;
    }
}

package dev.metastudio.emulator.imagemodel;

import dev.metastudio.emulator.storage.ObjectInfo;
import dev.metastudio.emulator.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The files a training job receives: one presigned PUT URL per file (and per training-video segment), under keys of
 * the job's upload generation, so URLs handed out before an 8.5 update never reach the files reviewed after it.
 * "The URL becomes invalid after the file is uploaded": submitting the job for review closes every key of the
 * generation, and the next generation has new keys. Segments are joined in part order into the training video
 * (CONFIRM_MULTIPART_UPLOADED, or at submission when all are there).
 */
@Component
class TrainingUploads {
    static final Duration URL_VALIDITY = Duration.ofHours(24);
    static final String VIDEO = "training_video";
    static final String ACTION_VIDEO = "action_video";
    static final String AUDIO = "audio";
    static final String COVER = "cover";
    static final String ID_CARD_1 = "id_card_image1";
    static final String ID_CARD_2 = "id_card_image2";
    static final String GRANT = "grant_file";
    static final List<String> SINGLE_FILES = List.of(AUDIO, COVER, ID_CARD_1, ID_CARD_2, GRANT);

    private final ObjectStore store;

    TrainingUploads(ObjectStore store) {
        this.store = store;
    }

    static String prefix(String projectId, String jobId) {
        return "projects/" + projectId + "/image-training/" + jobId + "/";
    }

    static String key(ImageTrainingJobEntity job, String file) {
        return prefix(job.getProjectId(), job.getJobId()) + "g" + job.getGeneration() + "/" + file;
    }

    /** The trained model's cover and thumbnail (cut from the footage), kept across generations. */
    static String generated(ImageTrainingJobEntity job, String file) {
        return prefix(job.getProjectId(), job.getJobId()) + file;
    }

    static String partKey(ImageTrainingJobEntity job, String video, int part) {
        return key(job, video + ".part" + part);
    }

    /** The upload URLs of 8.1 / 8.5 for the job's current generation. */
    ImageModelRequests.Created urls(ImageTrainingJobEntity job, String baseUrl) {
        ImageModelRequests.Settings s = job.settingsDoc();
        List<String> video = parts(job, VIDEO, s.videoMultipartCount(), baseUrl);
        List<String> action = s.actionVideo() ? parts(job, ACTION_VIDEO,
                s.actionVideoMultipartCount() == null ? 1 : s.actionVideoMultipartCount(), baseUrl) : null;
        String audio = "AUDIO".equals(s.audioSourceType()) ? url(key(job, AUDIO), baseUrl) : null;
        return new ImageModelRequests.Created(job.getJobId(), video, action, audio, url(key(job, COVER), baseUrl),
                url(key(job, ID_CARD_1), baseUrl), url(key(job, ID_CARD_2), baseUrl), url(key(job, GRANT), baseUrl));
    }

    private List<String> parts(ImageTrainingJobEntity job, String video, int count, String baseUrl) {
        if (count == 1) {
            return List.of(url(key(job, video), baseUrl));
        }
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            urls.add(url(partKey(job, video, i), baseUrl));
        }
        return urls;
    }

    private String url(String key, String baseUrl) {
        return store.uploadUrl(key, URL_VALIDITY, null, baseUrl);
    }

    /** The uploaded segments, in part order, as {part_number, etag} (etag: the MD5 in hex, as OBS answers). */
    List<ImageModelRequests.MultipartData> uploadedParts(ImageTrainingJobEntity job, String video, int count) {
        List<ImageModelRequests.MultipartData> parts = new ArrayList<>();
        if (count == 1) {
            stat(key(job, video)).ifPresent(info -> parts.add(new ImageModelRequests.MultipartData("1", etag(info))));
            return parts;
        }
        for (int i = 1; i <= count; i++) {
            int n = i;
            stat(partKey(job, video, i)).ifPresent(info -> parts.add(new ImageModelRequests.MultipartData(
                    String.valueOf(n), etag(info))));
        }
        return parts;
    }

    /**
     * Joins the segments into the training (or action) video; empty when done, else what is missing. A single
     * upload is the video itself.
     */
    Optional<String> assemble(ImageTrainingJobEntity job, String video, int count, Path scratch) {
        if (count == 1) {
            return stat(key(job, video)).isPresent() ? Optional.empty() : Optional.of("the " + video.replace('_', ' ')
                    + " has not been uploaded");
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (stat(partKey(job, video, i)).isEmpty()) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("segments " + missing + " of " + count + " of the " + video.replace('_', ' ')
                    + " have not been uploaded");
        }
        try {
            Files.createDirectories(scratch);
            Path joined = Files.createTempFile(scratch, job.getJobId(), ".mp4");
            try {
                try (OutputStream out = Files.newOutputStream(joined)) {
                    for (int i = 1; i <= count; i++) {
                        try (InputStream in = store.open(partKey(job, video, i))) {
                            in.transferTo(out);
                        }
                    }
                }
                store.put(key(job, video), joined, "video/mp4");
            } finally {
                Files.deleteIfExists(joined);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean uploaded(String key) {
        return stat(key).isPresent();
    }

    /** Every key a generation can hold (for closing uploads and for removal). */
    static List<String> keys(ImageTrainingJobEntity job, int generation) {
        ImageModelRequests.Settings s = job.settingsDoc();
        String base = prefix(job.getProjectId(), job.getJobId()) + "g" + generation + "/";
        List<String> keys = new ArrayList<>();
        keys.add(base + VIDEO);
        keys.add(base + ACTION_VIDEO);
        for (int i = 1; i <= Math.max(s.videoMultipartCount(), 1); i++) {
            keys.add(base + VIDEO + ".part" + i);
        }
        int action = s.actionVideoMultipartCount() == null ? 1 : s.actionVideoMultipartCount();
        for (int i = 1; i <= action; i++) {
            keys.add(base + ACTION_VIDEO + ".part" + i);
        }
        SINGLE_FILES.forEach(f -> keys.add(base + f));
        return keys;
    }

    /** Every key the job ever had, with the generated cover and thumbnail. */
    static List<String> allKeys(ImageTrainingJobEntity job) {
        List<String> keys = new ArrayList<>();
        for (int g = 0; g <= job.getGeneration(); g++) {
            keys.addAll(keys(job, g));
        }
        keys.add(generated(job, "cover.jpg"));
        keys.add(generated(job, "thumbnail.jpg"));
        return keys;
    }

    void close(ImageTrainingJobEntity job) {
        try {
            for (String key : keys(job, job.getGeneration())) {
                store.closeUploads(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<ObjectInfo> stat(String key) {
        try {
            return store.stat(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(ObjectInfo info) {
        return info.md5Base64() == null ? "" : HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(info.md5Base64()));
    }
}

package dev.metastudio.emulator.imagemodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The automatic review of reference 8.1, as rules on what the probe and the face detector found. Requirements:
 * "The video must be in MP4 format with 1080P or 4K resolution (horizontal or portrait). The video length must range
 * from 3 minutes to 10 minutes. Otherwise, the review will fail"; "Non-NA users must upload the file [ID card front,
 * back, authorization letter]. Otherwise, the review will fail"; and a person must be in frame (a face in at least
 * half of the sampled frames). Each failure is a sentence the user can act on.
 */
record TrainingVideoRules(int minSeconds, int maxSeconds, boolean na) {

    /** What the review learned about the uploads. */
    record Findings(boolean videoUploaded, boolean idCard1, boolean idCard2, boolean grantFile, boolean audioNeeded,
                    boolean audioUploaded, String container, String videoCodec, int width, int height,
                    double durationSeconds, int framesSampled, int framesWithFace) {
    }

    /** The documents missing before anything is probed: the first reasons the review gives. */
    List<String> missingUploads(Findings f) {
        List<String> reasons = new ArrayList<>();
        if (!f.videoUploaded()) {
            reasons.add("The training video has not been uploaded: upload it to training_video_upload_url"
                    + " (PUT the MP4 bytes), then submit again.");
        }
        if (!na) {
            if (!f.idCard1()) {
                reasons.add("The ID card front-side photo has not been uploaded (id_card_image1_upload_url).");
            }
            if (!f.idCard2()) {
                reasons.add("The ID card back-side photo has not been uploaded (id_card_image2_upload_url).");
            }
            if (!f.grantFile()) {
                reasons.add("The authorization letter has not been uploaded (grant_file_upload_url).");
            }
        }
        if (f.audioNeeded() && !f.audioUploaded()) {
            reasons.add("audio_source_type is AUDIO but no audio was uploaded (audio_upload_url).");
        }
        return reasons;
    }

    /** The resolution class of a frame size: 1080P or 4K in landscape or portrait, else empty. */
    static Optional<String> resolution(int width, int height) {
        int longSide = Math.max(width, height);
        int shortSide = Math.min(width, height);
        if (longSide == 1920 && shortSide == 1080) {
            return Optional.of("1080P");
        }
        if (longSide == 3840 && shortSide == 2160) {
            return Optional.of("4K");
        }
        return Optional.empty();
    }

    /** Every reason the video fails the review; empty when it passes. */
    List<String> videoProblems(Findings f) {
        List<String> reasons = new ArrayList<>();
        if (f.container() == null || !f.container().contains("mp4")) {
            reasons.add("The training video must be an MP4 file; the upload is "
                    + (f.container() == null ? "not a video" : f.container()) + ".");
            return reasons;
        }
        if (resolution(f.width(), f.height()).isEmpty()) {
            reasons.add("The training video must be 1080P (1920x1080 or 1080x1920) or 4K (3840x2160 or 2160x3840);"
                    + " it is " + f.width() + "x" + f.height() + ".");
        }
        if (f.durationSeconds() < minSeconds || f.durationSeconds() > maxSeconds) {
            reasons.add(String.format(java.util.Locale.ROOT, "The training video must last %s to %s; it lasts %.1f s.",
                    duration(minSeconds), duration(maxSeconds), f.durationSeconds()));
        }
        if (f.framesSampled() == 0) {
            reasons.add("No frame of the training video could be decoded.");
        } else if (f.framesWithFace() * 2 < f.framesSampled()) {
            reasons.add("No person was found in the training video: a face was detected in " + f.framesWithFace()
                    + " of " + f.framesSampled() + " sampled frames. Film the presenter facing the camera, face"
                    + " unobstructed and well lit, throughout the video.");
        }
        return reasons;
    }

    private static String duration(int seconds) {
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " s";
    }
}

package dev.metastudio.emulator.voicemodel;

import java.util.List;

/** Bodies of the voice modeling APIs (reference 9.1-9.12), snake_case as the SDK's model classes. */
final class VoiceViews {
    private VoiceViews() {
    }

    /** CreateTrainingJobReq (9.1-9.3); output_language and custom_text are the SDK's, stored and echoed. */
    record Create(String tag, String description, String sex, String voiceName, String language, String createType,
                  String phone, String dhtmsJobId, String batchName, String outputLanguage, String customText) {
    }

    /** CommitJobReq (9.5): every field optional, each overwrites the job's. */
    record Commit(String tag, String description, String sex, String voiceName, String language, String phone,
                  String appUserId, String outputLanguage, String customText) {
    }

    record SegmentUrls(List<String> audioUploadingUrl, List<String> txtUploadingUrl) {
    }

    record Created(String jobId, String trainingDataUploadingUrl, SegmentUrls segmentUploadingUrl,
                   String authorizationLetterUploadingUrl) {
    }

    /** TrainingJobInfo (9.4 items, 9.6 body); times are epoch seconds, lastupdate_time without an underscore. */
    record Job(String jobType, String jobId, String appUserId, String voiceName, String sex, String language,
               String state, Integer rejectTimes, String assetId, String jobFailedCode, String jobFailedReason,
               Long createTime, @com.fasterxml.jackson.annotation.JsonProperty("lastupdate_time") Long lastupdateTime,
               String voiceAuthorizationUrl, String trainingInputSourceUrl, String createType, String tag,
               String phone, String dhtmsJobId, String batchName, String outputLanguage, Boolean isRemake) {
    }

    record JobList(int count, List<Job> jobs) {
    }

    record ExternalInfo(List<String> reviewIdList) {
    }

    /** OperationLogItem (9.8). */
    record OperationLog(Long time, String action, String operator, ExternalInfo externalInfo) {
    }

    record OperationLogs(int count, List<OperationLog> operations) {
    }

    record PackageUrl(String trainingDataUploadingUrl) {
    }

    /** 9.9: the same URLs as 9.1, under segment_url and package_url. */
    record UploadingAddress(SegmentUrls segmentUrl, PackageUrl packageUrl, String authorizationLetterUploadingUrl) {
    }

    /** One problem the automatic review found (9.10 errors[]); the key is error_message, not error_msg. */
    record AuditError(String audioName, String textName, String errorCode, String errorMessage) {
    }

    record SystemAuditResult(Long auditTime, List<AuditError> errors) {
    }

    record AdminAuditResult(String message, String attachmentName, String attachmentUrl, Long auditTime) {
    }

    record AuditResult(SystemAuditResult systemAuditResult, AdminAuditResult adminAuditResult) {
    }

    record SegmentConfirmed(Boolean confirmResult, List<Integer> unmatchedIndexHit) {
    }

    record SegmentInfo(List<Integer> confirmedIndex) {
    }
}

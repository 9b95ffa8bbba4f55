package dev.metastudio.emulator.imagemodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Bodies of reference chapter 8, snake_case on the wire; absent fields are omitted (catalogue §0-7). */
public final class ImageModelRequests {
    private ImageModelRequests() {
    }

    /** Create2dModelTrainingJobReq (8.1); is_only_human_model is the 3.1.143 SDK's, kept as sent. */
    public record Create(String name, String contact, String commandMessage, Integer videoMultipartCount,
                         Integer actionVideoMultipartCount, Boolean isBackgroundReplacement, String batchName,
                         List<String> tags, String modelVersion, Boolean isFlexus, Boolean isOnlyHumanModel,
                         String audioSourceType, VoiceProperties voiceProperties, List<String> supportedService) {
    }

    public record VoiceProperties(String jobTag, String sex, String language) {
    }

    /** Update2dModelTrainingJobReq (8.5): every field optional. */
    public record Update(String name, String contact, String commandMessage, Integer videoMultipartCount,
                         Integer actionVideoMultipartCount, Boolean isBackgroundReplacement, String batchName,
                         List<String> tags, List<ActionBasicSampleInfo> samplesBasicInfo,
                         List<String> supportedService, String audioSourceType) {
    }

    public record ActionBasicSampleInfo(String actionNameZh, String actionNameEn, String actionTag, String catalog,
                                        Boolean isSelected) {
    }

    /** Execute2dModelTrainingCommandByUserReq (8.6). */
    public record Command(String command, String commandMessage, CommentData commentData) {
    }

    public record CommentData(String commentTitle, String commentMessage, List<String> attachmentName) {
    }

    /** Create2dModelTrainingJobResponse, also the answer of 8.5. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Created(String jobId, List<String> trainingVideoUploadUrl, List<String> actionVideoUploadUrl,
                          String audioUploadUrl, String coverUploadUrl,
                          @JsonProperty("id_card_image1_upload_url") String idCardImage1UploadUrl,
                          @JsonProperty("id_card_image2_upload_url") String idCardImage2UploadUrl,
                          String grantFileUploadUrl) {
    }

    public record JobList(int count, List<JobDetail> jobs) {
    }

    public record OperationLog(String operateTime, String logType, String logDescription, String operateUser) {
    }

    public record MattingInfo(int dx, int dy, int width, int height, String method) {
    }

    public record CommentLog(String operateTime, String commentType, String commentTitle, String commentMessage,
                             List<String> attachmentDownloadUrl) {
    }

    /**
     * TrainingJobBasicInfo (8.2) and, with the detail fields set, Show2dModelTrainingJobResponse (8.3). The list
     * leaves the detail fields null, so they are omitted.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobDetail(String jobId, String name, String state, String assetId, String projectId,
                            String coverDownloadUrl, String lastUpdateTime, String createTime, String contact,
                            String batchName, List<String> tags, String modelVersion, String mattingType,
                            String modelResolution, String appUserId, Boolean isFlexus, Boolean isOnlyHumanModel,
                            String trainingVideoDownloadUrl,
                            @JsonProperty("id_card_image1_download_url") String idCardImage1DownloadUrl,
                            @JsonProperty("id_card_image2_download_url") String idCardImage2DownloadUrl,
                            String grantFileDownloadUrl, String actionVideoDownloadUrl, String audioFileDownloadUrl,
                            List<OperationLog> operationLogs, List<MattingInfo> verifyVideoMattingInfo,
                            List<CommentLog> commentLogs, List<ActionBasicSampleInfo> samples,
                            Boolean isMaskFileUploaded, String markableVideoDownloadUrl,
                            Boolean isBackgroundReplacement, List<String> workerType, Integer flexusRetryCount,
                            String audioSourceType, List<String> supportedService) {
    }

    public record MultipartData(String partNumber, String etag) {
    }

    /**
     * 8.6's answer. The reference writes command_result / EXECUTE_SUCCESS; the 3.1.143 SDK reads commond_result /
     * EXCUTE_SUCCESS (its CommondResultEnum): both are sent so either client sees the outcome.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommandResult(String commandResult, String commondResult, List<String> attachmentUploadUrl,
                                List<MultipartData> multipartData, String excuteFailedMsg) {
        static CommandResult success() {
            return new CommandResult("EXECUTE_SUCCESS", "EXCUTE_SUCCESS", null, null, null);
        }

        static CommandResult failed(String message) {
            return new CommandResult("EXECUTE_FAILED", "EXCUTE_FAILED", null, null, message);
        }

        CommandResult withParts(List<MultipartData> parts) {
            return new CommandResult(commandResult, commondResult, attachmentUploadUrl, parts, excuteFailedMsg);
        }

        CommandResult withAttachments(List<String> urls) {
            return new CommandResult(commandResult, commondResult, urls, multipartData, excuteFailedMsg);
        }
    }

    /** What the job keeps of its request (settings column). */
    public record Settings(String contact, String commandMessage, int videoMultipartCount,
                           Integer actionVideoMultipartCount, boolean isBackgroundReplacement, String modelVersion,
                           Boolean isOnlyHumanModel, String audioSourceType, VoiceProperties voiceProperties,
                           List<String> supportedService, List<ActionBasicSampleInfo> samplesBasicInfo,
                           boolean actionVideo) {
    }

    /** Logs and comments as stored. */
    public record Logs(List<OperationLog> entries) {
    }

    public record Comments(List<CommentLog> entries) {
    }

    public record Matting(List<MattingInfo> entries) {
    }

    public record Tags(List<String> values) {
    }
}

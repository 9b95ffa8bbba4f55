package dev.metastudio.emulator.composition;

/** ShootScriptItem: one scene, ordered by its unique sequence_no. */
public record ShootScriptItem(Integer sequenceNo, ShootScript shootScript, SubtitleFiles subtitleFileInfo) {

    public record SubtitleFiles(SubtitleFileInfo textSubtitleFile, SubtitleFileInfo audioSubtitleFile) {
    }

    public record SubtitleFileInfo(String subtitleFileDownloadUrl, String subtitleFileUploadUrl,
                                   String subtitleFileState, String jobId) {
    }
}

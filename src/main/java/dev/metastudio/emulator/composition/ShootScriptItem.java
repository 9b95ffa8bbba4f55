package dev.metastudio.emulator.composition;

/** ShootScriptItem: one scene, ordered by its unique sequence_no. */
public record ShootScriptItem(Integer sequenceNo, ShootScript shootScript, SubtitleFiles subtitleFileInfo) {

    /** As answered, the scene's documented defaults filled in ({@link ShootScript#withDefaults()}). */
    public ShootScriptItem withDefaults() {
        return new ShootScriptItem(sequenceNo, shootScript == null ? null : shootScript.withDefaults(), subtitleFileInfo);
    }

    public record SubtitleFiles(SubtitleFileInfo textSubtitleFile, SubtitleFileInfo audioSubtitleFile) {
    }

    public record SubtitleFileInfo(String subtitleFileDownloadUrl, String subtitleFileUploadUrl,
                                   String subtitleFileState, String jobId) {
    }
}

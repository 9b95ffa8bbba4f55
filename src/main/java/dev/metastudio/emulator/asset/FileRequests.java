package dev.metastudio.emulator.asset;

/** Request bodies of the file APIs (reference 4.2). */
public final class FileRequests {
    private FileRequests() {
    }

    /** FilesCreateReq; file_md5 is mandatory (L3250) and the 3.1.143 SDK sends it ({@code withFileMd5}). */
    public record Create(String fileName, String fileMd5, Long fileSize, String fileType, String assetId,
                         String assetFileCategory) {
    }

    public record CreateLarge(String fileName, Long fileSize, String fileType, String assetId,
                              String assetFileCategory, Integer fileMultipartCount) {
    }

    public record Complete(Outcome state) {
        public enum Outcome { CREATED, FAILED, CANCELLED }
    }
}

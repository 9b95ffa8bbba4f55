package dev.metastudio.emulator.storage;

import java.util.List;

/** A started multipart upload: its id and one presigned PUT URL per part, in part-number order. */
public record MultipartUpload(String uploadId, List<String> partUrls) {
}

package dev.metastudio.emulator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where uploaded and produced files live: the filesystem under the data folder (the emulator serves the presigned
 * URLs itself) or any S3-compatible store (the URLs point at the store). Keys are chosen by the emulator, never by
 * callers, and are plain relative paths such as {@code projects/<pid>/files/<file_id>/<safe-name>}.
 */
public interface ObjectStore {

    /** "filesystem" or "s3". */
    String kind();

    /**
     * A presigned URL to PUT the object's bytes to, valid for {@code validity}. When {@code contentMd5} (Base64 of
     * the raw MD5, RFC 1864) is given, the PUT must carry the same {@code Content-MD5} header; a PUT whose body does
     * not match a {@code Content-MD5} it carries is refused in any case.
     *
     * @param baseUrl scheme and authority the caller used to reach the API (e.g. {@code http://127.0.0.1:8080}),
     *                for stores whose URLs the emulator serves; other stores ignore it
     */
    default String uploadUrl(String key, Duration validity, String contentMd5, String baseUrl) {
        return uploadUrl(key, validity, contentMd5, null, baseUrl);
    }

    /**
     * Like {@link #uploadUrl(String, Duration, String, String)}, for at most {@code maxBytes} (a file's declared
     * size; null: the store's own limit): a longer body is cut off after {@code maxBytes + 1} bytes and refused.
     * The S3 store signs the length itself, so its URLs take exactly {@code maxBytes}.
     */
    String uploadUrl(String key, Duration validity, String contentMd5, Long maxBytes, String baseUrl);

    /** A presigned GET URL; {@code downloadName} (may be null) becomes the Content-Disposition file name. */
    String downloadUrl(String key, Duration validity, String downloadName, String baseUrl);

    /** Starts a multipart upload with one presigned PUT URL per part (part numbers 1..parts). */
    default MultipartUpload startMultipart(String key, int parts, Duration validity, String baseUrl) {
        return startMultipart(key, parts, validity, null, baseUrl);
    }

    /** Like {@link #startMultipart(String, int, Duration, String)}; the parts together hold at most {@code maxBytes}. */
    MultipartUpload startMultipart(String key, int parts, Duration validity, Long maxBytes, String baseUrl);

    /**
     * From now on the upload URLs already handed out for {@code key} (single PUT and parts) accept no more bytes:
     * its file was confirmed, failed or cancelled, and what was verified must stay what is stored. A PUT that is
     * still arriving is refused rather than installed. The S3 store cannot revoke presigned URLs, which stay valid
     * until they expire (keep {@code metastudio.storage.upload-url-validity} short there).
     */
    void closeUploads(String key) throws IOException;

    /** Undoes {@link #closeUploads} when a confirmation changed nothing (the client may upload again). */
    void reopenUploads(String key) throws IOException;

    /** Assembles the uploaded parts, in part-number order, into the object; fails if a part is missing. */
    void completeMultipart(String key, String uploadId) throws IOException;

    /** Size and MD5 of a stored object, or empty when nothing is stored under the key. */
    Optional<ObjectInfo> stat(String key) throws IOException;

    /** Streams the object's bytes. */
    InputStream open(String key) throws IOException;

    /**
     * A local file with the object's bytes, for FFmpeg and friends: the stored file itself for the filesystem
     * store, a copy under {@code scratchDir} otherwise. Callers must not modify it.
     */
    Path localFile(String key, Path scratchDir) throws IOException;

    /** Stores a file produced by the emulator (rendered video, cover, subtitles) under the key. */
    void put(String key, Path file, String contentType) throws IOException;

    /**
     * The key behind one of this store's own object URLs (presigned or not), so an asset-library URL a caller
     * passes back (a background image, a layer's video) is read from the store rather than fetched; empty for any
     * other URL.
     */
    Optional<String> keyOf(String url);

    /** Removes the object (and any unfinished multipart parts); absent keys are fine. */
    void delete(String key) throws IOException;

    /**
     * Removes the parts of multipart uploads started before {@code cutoff} (their URLs have expired) and returns how
     * many uploads went. A store that keeps no parts of its own (S3 expires them by its lifecycle rules) removes none.
     */
    default int removeUploadsStartedBefore(java.time.Instant cutoff) {
        return 0;
    }
}

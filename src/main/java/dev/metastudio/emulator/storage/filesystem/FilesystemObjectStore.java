package dev.metastudio.emulator.storage.filesystem;

import dev.metastudio.emulator.storage.DownloadNames;
import dev.metastudio.emulator.storage.IncompleteUploadException;
import dev.metastudio.emulator.storage.Md5;
import dev.metastudio.emulator.storage.MultipartUpload;
import dev.metastudio.emulator.storage.ObjectInfo;
import dev.metastudio.emulator.storage.ObjectKeys;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.storage.UrlKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Objects as files under {@code <data-dir>/objects/<key>}; the emulator serves their presigned URLs itself
 * ({@link ObjectEndpoint}). Every write goes to a staging file first and is renamed into place, so readers
 * never see half an object. Beside the objects:
 * {@code objects-meta/} (size and MD5 per object, so {@code stat} is cheap for multi-GB files),
 * {@code objects-multipart/} (parts of unfinished uploads) and {@code objects-staging/} (writes in flight).
 */
public class FilesystemObjectStore implements ObjectStore {
    /** OBS refuses a single PUT, or one part, above 5 GB. */
    public static final long MAX_PUT_BYTES = 5L * 1024 * 1024 * 1024;
    /** OBS's limit on parts per multipart upload. */
    public static final int MAX_PARTS = 10_000;
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9A-F]{32}");
    private static final String PART_COUNT_FILE = "parts";

    private final Path objects;
    private final Path metadata;
    private final Path multipart;
    private final Path staging;
    private final ObjectUrlSigner signer;
    /** Installing an upload and closing a key's uploads exclude each other (per key, within this node). */
    private final Object[] locks = new Object[64];

    public FilesystemObjectStore(Path dataDir, ObjectUrlSigner signer) {
        Path base = dataDir.toAbsolutePath().normalize();
        this.objects = base.resolve("objects");
        this.metadata = base.resolve("objects-meta");
        this.multipart = base.resolve("objects-multipart");
        this.staging = base.resolve("objects-staging");
        this.signer = signer;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    @Override
    public String kind() {
        return "filesystem";
    }

    public ObjectUrlSigner signer() {
        return signer;
    }

    @Override
    public String uploadUrl(String key, Duration validity, String contentMd5, Long maxBytes, String baseUrl) {
        if (contentMd5 != null && Md5.parseBase64(contentMd5) == null) {
            throw new IllegalArgumentException("contentMd5 must be the Base64 of a 16-byte MD5: " + contentMd5);
        }
        return signer.url(baseUrl, new ObjectUrlSigner.Grant("PUT", ObjectKeys.normalize(key), expires(validity),
                contentMd5 == null ? null : contentMd5.trim(), null, null, null, checkedMax(maxBytes)));
    }

    @Override
    public Optional<String> keyOf(String url) {
        return UrlKeys.pathAfter(url, ObjectUrlSigner.PATH_PREFIX);
    }

    @Override
    public String downloadUrl(String key, Duration validity, String downloadName, String baseUrl) {
        String disposition = downloadName == null ? null : DownloadNames.contentDisposition(downloadName);
        return signer.url(baseUrl, new ObjectUrlSigner.Grant("GET", ObjectKeys.normalize(key), expires(validity),
                null, null, null, disposition, null));
    }

    @Override
    public MultipartUpload startMultipart(String key, int parts, Duration validity, Long maxBytes, String baseUrl) {
        String normalized = ObjectKeys.normalize(key);
        if (parts < 1 || parts > MAX_PARTS) {
            throw new IllegalArgumentException("a multipart upload has 1.." + MAX_PARTS + " parts, not " + parts);
        }
        String uploadId = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        try {
            Path dir = Files.createDirectories(uploadDir(normalized, uploadId));
            Files.writeString(dir.resolve(PART_COUNT_FILE), Integer.toString(parts));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a multipart upload for " + normalized, e);
        }
        long expires = expires(validity);
        List<String> urls = new ArrayList<>(parts);
        for (int part = 1; part <= parts; part++) {
            urls.add(signer.url(baseUrl, new ObjectUrlSigner.Grant("PUT", normalized, expires, null, part, uploadId,
                    null, checkedMax(maxBytes))));
        }
        return new MultipartUpload(uploadId, List.copyOf(urls));
    }

    @Override
    public void completeMultipart(String key, String uploadId) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        Path dir = existingUpload(normalized, uploadId)
                .orElseThrow(() -> new IncompleteUploadException("no multipart upload " + uploadId + " for "
                        + normalized + " (never started, completed or deleted)"));
        int parts = partCount(dir);
        List<Integer> missing = new ArrayList<>();
        for (int part = 1; part <= parts; part++) {
            if (!Files.isRegularFile(dir.resolve(Integer.toString(part)))) {
                missing.add(part);
            }
        }
        if (!missing.isEmpty()) {
            throw new IncompleteUploadException("multipart upload " + uploadId + " of " + normalized
                    + " lacks part(s) " + missing + " of " + parts);
        }
        Path temp = stagingFile();
        try {
            MessageDigest md5 = Md5.newDigest();
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (int part = 1; part <= parts; part++) {
                    try (InputStream in = Files.newInputStream(dir.resolve(Integer.toString(part)))) {
                        DiskOps.pump(in, out, md5, Long.MAX_VALUE);
                    }
                }
            }
            install(normalized, temp, Md5.base64(md5.digest()));
        } finally {
            Files.deleteIfExists(temp);
        }
        DiskOps.deleteTree(dir);
        DiskOps.pruneEmpty(dir.getParent(), multipart);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        Optional<Path> file = existingFile(normalized);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class);
        Sidecar sidecar = Sidecar.read(sidecarPath(normalized));
        if (sidecar != null && sidecar.describes(attributes)) {
            return Optional.of(sidecar.info());
        }
        // Rare (see Sidecar): read the bytes once and remember the answer.
        MessageDigest md5 = Md5.newDigest();
        try (InputStream in = Files.newInputStream(file.get())) {
            DiskOps.pump(in, OutputStream.nullOutputStream(), md5, Long.MAX_VALUE);
        }
        Sidecar rebuilt = Sidecar.describe(attributes, Md5.base64(md5.digest()));
        writeSidecar(normalized, rebuilt);
        return Optional.of(rebuilt.info());
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(localFile(key, null));
    }

    @Override
    public Path localFile(String key, Path scratchDir) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        return existingFile(normalized).orElseThrow(() -> new NoSuchFileException(normalized));
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        Path temp = stagingFile();
        try {
            MessageDigest md5 = Md5.newDigest();
            try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(temp)) {
                DiskOps.pump(in, out, md5, Long.MAX_VALUE);
            }
            install(normalized, temp, Md5.base64(md5.digest()));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void closeUploads(String key) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        synchronized (lockFor(normalized)) {
            Path marker = closedMarker(normalized);
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.writeString(marker, "closed\n");
            }
        }
    }

    @Override
    public void reopenUploads(String key) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        synchronized (lockFor(normalized)) {
            Files.deleteIfExists(closedMarker(normalized));
        }
    }

    @Override
    public void delete(String key) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        Path file = ObjectKeys.resolve(objects, normalized);
        if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(sidecarPath(normalized));
        Files.deleteIfExists(closedMarker(normalized));
        Path uploads = multipart.resolve(DiskOps.sha256Hex(normalized));
        DiskOps.deleteTree(uploads);
        DiskOps.pruneEmpty(file.getParent(), objects);
        DiskOps.pruneEmpty(sidecarPath(normalized).getParent(), metadata);
    }

    /**
     * Removes the parts of multipart uploads started before {@code cutoff} and never completed (their URLs have
     * expired, so nobody can finish them); returns how many uploads were removed.
     */
    @Override
    public int removeUploadsStartedBefore(Instant cutoff) {
        if (!Files.isDirectory(multipart)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> keys = Files.list(multipart)) {
            for (Path keyDir : keys.toList()) {
                try (Stream<Path> uploads = Files.list(keyDir)) {
                    for (Path upload : uploads.toList()) {
                        Path started = upload.resolve(PART_COUNT_FILE);
                        if (Files.isRegularFile(started)
                                && Files.getLastModifiedTime(started).toInstant().isBefore(cutoff)) {
                            DiskOps.deleteTree(upload);
                            removed++;
                        }
                    }
                }
                DiskOps.pruneEmpty(keyDir, multipart);
            }
        } catch (IOException e) {
            // A concurrent completion or delete; the next sweep sees the rest.
        }
        return removed;
    }

    /** The stored file, when the key names one. */
    public Optional<Path> existingFile(String key) {
        Path file = ObjectKeys.resolve(objects, ObjectKeys.normalize(key));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Streams a presigned PUT body into the object, computing its MD5 on the way; nothing is stored unless the whole
     * body arrived, matches {@code contentMd5} (when given), is at most {@code maxBytes} long (no more than
     * {@code maxBytes + 1} bytes are read) and the key's uploads are still open ({@link #closeUploads}).
     *
     * @param declaredLength the Content-Length, or -1 when the body is chunked
     */
    public ObjectInfo receive(String key, InputStream body, long declaredLength, String contentMd5, long maxBytes)
            throws IOException {
        String normalized = ObjectKeys.normalize(key);
        refuseIfClosed(normalized);
        Path temp = stagingFile();
        try {
            String md5 = receiveInto(temp, body, declaredLength, contentMd5, maxBytes);
            long size = Files.size(temp);
            synchronized (lockFor(normalized)) {
                // Checked again where it counts: a confirmation may have closed the key while the body arrived.
                refuseIfClosed(normalized);
                install(normalized, temp, md5);
            }
            return new ObjectInfo(size, md5);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Like {@link #receive}, for one part of an upload that {@link #startMultipart} began. */
    public ObjectInfo receivePart(String key, String uploadId, int partNumber, InputStream body,
                                  long declaredLength, String contentMd5, Long maxTotalBytes) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        refuseIfClosed(normalized);
        Path dir = existingUpload(normalized, uploadId).orElseThrow(ObjectError::noSuchUpload);
        int parts = partCount(dir);
        if (partNumber < 1 || partNumber > parts) {
            throw ObjectError.invalidArgument("Part number must be an integer between 1 and " + parts
                    + " for this upload.");
        }
        // The parts together may not outgrow the declared size: this one gets what the others left.
        long limit = maxTotalBytes == null ? MAX_PUT_BYTES
                : Math.min(MAX_PUT_BYTES, Math.max(0, maxTotalBytes - otherPartsSize(dir, parts, partNumber)));
        Path temp = stagingFile();
        try {
            String md5 = receiveInto(temp, body, declaredLength, contentMd5, limit);
            long size = Files.size(temp);
            synchronized (lockFor(normalized)) {
                refuseIfClosed(normalized);
                DiskOps.replace(temp, dir.resolve(Integer.toString(partNumber)));
            }
            return new ObjectInfo(size, md5);
        } catch (NoSuchFileException e) {
            // The upload was completed or deleted while this part was on its way.
            throw ObjectError.noSuchUpload();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private String receiveInto(Path temp, InputStream body, long declaredLength, String contentMd5, long maxBytes)
            throws IOException {
        byte[] expected = null;
        if (contentMd5 != null) {
            expected = Md5.parseBase64(contentMd5);
            if (expected == null) {
                throw ObjectError.invalidDigest();
            }
        }
        if (declaredLength > maxBytes) {
            throw ObjectError.entityTooLarge(maxBytes);
        }
        MessageDigest md5 = Md5.newDigest();
        long size;
        try (OutputStream out = Files.newOutputStream(temp)) {
            size = DiskOps.pump(body, out, md5, maxBytes);
        }
        if (declaredLength >= 0 && size != declaredLength) {
            throw ObjectError.incompleteBody();
        }
        byte[] actual = md5.digest();
        if (expected != null && !MessageDigest.isEqual(expected, actual)) {
            throw ObjectError.badDigest();
        }
        return Md5.base64(actual);
    }

    /** Renames the finished staging file to the object and records its size and MD5. */
    private void install(String key, Path temp, String md5) throws IOException {
        // Described before the rename (which keeps inode and mtime): afterwards the target may already be
        // another writer's file, and this MD5 must never be recorded as that file's.
        Sidecar sidecar = Sidecar.describe(Files.readAttributes(temp, BasicFileAttributes.class), md5);
        DiskOps.move(temp, ObjectKeys.resolve(objects, key));
        writeSidecar(key, sidecar);
    }

    private void writeSidecar(String key, Sidecar sidecar) throws IOException {
        Path temp = stagingFile();
        try {
            Files.writeString(temp, sidecar.format(), StandardCharsets.UTF_8);
            DiskOps.move(temp, sidecarPath(key));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void refuseIfClosed(String key) {
        if (Files.exists(closedMarker(key))) {
            throw ObjectError.uploadClosed();
        }
    }

    private Path closedMarker(String key) {
        return sidecarPath(key).resolveSibling(DiskOps.sha256Hex(key) + ".closed");
    }

    private Object lockFor(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }

    private static long otherPartsSize(Path uploadDir, int parts, int except) throws IOException {
        long total = 0;
        for (int part = 1; part <= parts; part++) {
            Path file = uploadDir.resolve(Integer.toString(part));
            if (part != except && Files.isRegularFile(file)) {
                total += Files.size(file);
            }
        }
        return total;
    }

    private static Long checkedMax(Long maxBytes) {
        if (maxBytes != null && (maxBytes < 0 || maxBytes > MAX_PUT_BYTES * MAX_PARTS)) {
            throw new IllegalArgumentException("maxBytes must be between 0 and the store's limit, not " + maxBytes);
        }
        return maxBytes;
    }

    private Path stagingFile() throws IOException {
        Files.createDirectories(staging);
        return Files.createTempFile(staging, "put-", ".tmp");
    }

    private Optional<Path> existingUpload(String key, String uploadId) {
        if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches()) {
            return Optional.empty();
        }
        Path dir = uploadDir(key, uploadId);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    private Path uploadDir(String key, String uploadId) {
        return multipart.resolve(DiskOps.sha256Hex(key)).resolve(uploadId);
    }

    private static int partCount(Path uploadDir) throws IOException {
        try {
            return Integer.parseInt(Files.readString(uploadDir.resolve(PART_COUNT_FILE)).trim());
        } catch (NoSuchFileException e) {
            throw new IncompleteUploadException("the multipart upload was completed or deleted meanwhile", e);
        }
    }

    /** Keyed by hash, so "a" and "a/b" never share a directory and no key can name a path here. */
    private Path sidecarPath(String key) {
        String hash = DiskOps.sha256Hex(key);
        return metadata.resolve(hash.substring(0, 2)).resolve(hash);
    }

    private long expires(Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("URL validity must be positive, not " + validity);
        }
        return signer.clock().instant().plus(validity).getEpochSecond();
    }
}

package dev.metastudio.emulator.edge.auth;

import dev.metastudio.emulator.edge.BodyLimit;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A signed request's body, read once to hash it before anything acts on it and replayed afterwards. Small bodies
 * stay in memory; past {@link #MEMORY_BYTES} the rest goes to a scratch file, so requests whose signature is not yet
 * checked cannot fill the heap with 12 MB each.
 */
final class SpooledBody implements Closeable {
    static final int MEMORY_BYTES = 256 * 1024;
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final byte[] head;
    private final Path spool;
    private final long length;
    private final String sha256Hex;

    private SpooledBody(byte[] head, Path spool, long length, String sha256Hex) {
        this.head = head;
        this.spool = spool;
        this.length = length;
        this.sha256Hex = sha256Hex;
    }

    /** Reads the whole body; {@link BodyLimit.TooLargeException} past the API limit (nothing is left behind). */
    static SpooledBody read(InputStream in, Path spoolDir) throws IOException {
        int first = in.read();
        if (first < 0) {
            // Most signed calls (every GET) have no body: no buffer, no digest.
            return new SpooledBody(new byte[0], null, 0, EMPTY_SHA256);
        }
        MessageDigest digest = sha256();
        byte[] rest = in.readNBytes(MEMORY_BYTES - 1);
        byte[] head = new byte[rest.length + 1];
        head[0] = (byte) first;
        System.arraycopy(rest, 0, head, 1, rest.length);
        digest.update(head);
        if (head.length < MEMORY_BYTES) {
            return new SpooledBody(head, null, head.length, HexFormat.of().formatHex(digest.digest()));
        }
        Files.createDirectories(spoolDir);
        Path spool = Files.createTempFile(spoolDir, "body-", ".tmp");
        try (OutputStream out = Files.newOutputStream(spool)) {
            long length = head.length;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                length += n;
                if (length > BodyLimit.MAX_BYTES) {
                    throw new BodyLimit.TooLargeException();
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            return new SpooledBody(head, spool, length, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
    }

    long length() {
        return length;
    }

    /** Lower-case hex SHA-256 of the bytes, as the SDK signs them. */
    String sha256Hex() {
        return sha256Hex;
    }

    InputStream open() throws IOException {
        InputStream first = new ByteArrayInputStream(head);
        return spool == null ? first : new java.io.SequenceInputStream(first, Files.newInputStream(spool));
    }

    @Override
    public void close() throws IOException {
        if (spool != null) {
            Files.deleteIfExists(spool);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

package dev.metastudio.emulator.storage.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/** The file operations the filesystem store is built from, safe against a concurrent delete of the same key. */
final class DiskOps {
    static final int BUFFER_BYTES = 256 * 1024;

    private DiskOps() {
    }

    /**
     * Copies {@code in} to {@code out} through the digest, never holding more than one buffer of it, and stops
     * with {@code EntityTooLarge} once more than {@code maxBytes} arrived, having read at most {@code maxBytes + 1}.
     */
    static long pump(InputStream in, OutputStream out, MessageDigest digest, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long size = 0;
        for (int n; (n = in.read(buffer, 0, chunk(buffer.length, maxBytes - size))) >= 0; ) {
            size += n;
            if (size > maxBytes) {
                throw ObjectError.entityTooLarge(maxBytes);
            }
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return size;
    }

    /** How much to read next: a full buffer, or one byte past what is still allowed (to notice an excess). */
    private static int chunk(int buffer, long room) {
        return room >= buffer ? buffer : (int) room + 1;
    }

    /** Renames {@code from} over {@code to} atomically where the filesystem can, creating the folders. */
    static void move(Path from, Path to) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Files.createDirectories(to.getParent());
            try {
                replace(from, to);
                return;
            } catch (NoSuchFileException e) {
                // A concurrent delete pruned the (empty) parent between createDirectories and the rename.
                if (attempt >= 2 || !Files.exists(from)) {
                    throw e;
                }
            }
        }
    }

    /** Like {@link #move}, but into a folder that must still exist (NoSuchFileException otherwise). */
    static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // Removed concurrently: the goal is reached.
        }
    }

    /** Removes directories left empty by a delete, up to (not including) {@code stop}. */
    static void pruneEmpty(Path dir, Path stop) {
        for (Path p = dir; p != null && p.startsWith(stop) && !p.equals(stop); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

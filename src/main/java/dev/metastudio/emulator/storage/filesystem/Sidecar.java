package dev.metastudio.emulator.storage.filesystem;

import dev.metastudio.emulator.storage.ObjectInfo;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Properties;

/**
 * What {@code stat} answers without reading the object: its size and MD5, recorded when it was written, with the
 * identity of the file they describe (inode, modification time). A sidecar that describes another file (a crash
 * between the two renames, two writers racing on one key) is ignored and rebuilt from the bytes.
 */
record Sidecar(long size, String md5Base64, String fileKey, String modified) {

    static Sidecar describe(BasicFileAttributes attributes, String md5Base64) {
        return new Sidecar(attributes.size(), md5Base64, String.valueOf(attributes.fileKey()),
                attributes.lastModifiedTime().toString());
    }

    boolean describes(BasicFileAttributes attributes) {
        return size == attributes.size() && Objects.equals(fileKey, String.valueOf(attributes.fileKey()))
                && modified.equals(attributes.lastModifiedTime().toString());
    }

    ObjectInfo info() {
        return new ObjectInfo(size, md5Base64);
    }

    String format() {
        return "size=" + size + "\nmd5=" + md5Base64 + "\nfile=" + fileKey + "\nmodified=" + modified + "\n";
    }

    /** The sidecar at {@code path}, or null when there is none or it cannot be read. */
    static Sidecar read(Path path) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(path, StandardCharsets.UTF_8)));
            return new Sidecar(Long.parseLong(p.getProperty("size")), p.getProperty("md5"), p.getProperty("file"),
                    p.getProperty("modified"));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // Torn or hand-edited: rebuilding it is always possible, so treat it as missing.
            return null;
        }
    }
}

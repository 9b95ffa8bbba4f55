package dev.metastudio.emulator.asset;

import dev.metastudio.emulator.storage.Md5;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/** file_md5 of files the emulator itself produces (covers, seeded media, rendered videos), streamed. */
public final class FileDigests {
    private FileDigests() {
    }

    public static String md5Base64(Path file) throws IOException {
        MessageDigest digest = Md5.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Md5.base64(digest.digest());
    }
}

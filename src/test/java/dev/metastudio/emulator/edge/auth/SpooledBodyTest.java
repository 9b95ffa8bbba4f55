package dev.metastudio.emulator.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The body a signature covers: hashed exactly and replayed byte for byte, empty, in memory or spooled to a file. */
class SpooledBodyTest {
    @TempDir
    Path spool;

    @Test
    void everySizeIsHashedAndReplayedExactly() throws Exception {
        int memory = SpooledBody.MEMORY_BYTES;
        for (int size : new int[] {0, 1, 2, memory - 1, memory, memory + 1, 3 * memory + 7}) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            try (SpooledBody body = SpooledBody.read(new ByteArrayInputStream(bytes), spool);
                 InputStream replay = body.open()) {
                assertThat(body.length()).as("length of %d bytes", size).isEqualTo(size);
                assertThat(body.sha256Hex()).as("hash of %d bytes", size)
                        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                assertThat(replay.readAllBytes()).as("replay of %d bytes", size).isEqualTo(bytes);
            }
        }
        try (var left = Files.list(spool)) {
            assertThat(left).as("scratch files removed at close").isEmpty();
        }
    }
}

package dev.metastudio.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metastudio.emulator.storage.filesystem.FilesystemObjectStore;
import dev.metastudio.emulator.storage.filesystem.ObjectError;
import dev.metastudio.emulator.storage.filesystem.ObjectUrlSigner;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body longer than allowed is read no further than one byte past the limit, and leaves nothing behind. */
class UploadCutOffTest {
    @TempDir
    Path dataDir;

    @Test
    void aLongBodyIsReadToSizePlusOneAndThenRefused() throws Exception {
        FilesystemObjectStore store = new FilesystemObjectStore(dataDir,
                new ObjectUrlSigner(() -> new byte[32], Clock.systemUTC()));
        Endless body = new Endless();
        assertThatThrownBy(() -> store.receive("projects/p/f.bin", body, -1, null, 10))
                .isInstanceOfSatisfying(ObjectError.class, e -> assertThat(e.code()).isEqualTo("EntityTooLarge"));
        assertThat(body.read).isEqualTo(11);
        assertThat(store.stat("projects/p/f.bin")).isEmpty();
        try (Stream<Path> staging = Files.list(dataDir.resolve("objects-staging"))) {
            assertThat(staging).isEmpty();
        }
    }

    @Test
    void closedUploadsRefuseABodyThatWasAlreadyArriving() throws Exception {
        FilesystemObjectStore store = new FilesystemObjectStore(dataDir,
                new ObjectUrlSigner(() -> new byte[32], Clock.systemUTC()));
        InputStream closingMidway = new InputStream() {
            private int left = 100;

            @Override
            public int read() throws java.io.IOException {
                if (left == 50) {
                    store.closeUploads("projects/p/g.bin");
                }
                return left-- > 0 ? 'x' : -1;
            }
        };
        assertThatThrownBy(() -> store.receive("projects/p/g.bin", closingMidway, 100, null, 100))
                .isInstanceOfSatisfying(ObjectError.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(store.stat("projects/p/g.bin")).isEmpty();
        store.reopenUploads("projects/p/g.bin");
        store.receive("projects/p/g.bin", InputStream.nullInputStream(), 0, null, 100);
        assertThat(store.stat("projects/p/g.bin")).isPresent();
    }

    /** An infinite body that counts what was taken from it. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            read += length;
            return length;
        }
    }
}

package dev.metastudio.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.storage.filesystem.FilesystemObjectStore;
import dev.metastudio.emulator.storage.filesystem.ObjectUrlSigner;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What interrupted work leaves in the data folder is swept when a node starts: everything, when no other node works
 * in the folder; only what has been idle for an hour, when another one does (its scratch may be in use).
 */
class ScratchSweeperTest {
    @TempDir
    Path dataDir;

    @Test
    void aNodeStartingAloneSweepsEveryLeftover() throws Exception {
        Path render = leftover("tmp/jobs/job-1-1-node/out/video.mp4");
        Path probe = leftover("tmp/cover123.jpg");
        Path upload = leftover("objects-staging/put-123.tmp");
        Path deadNode = leftover("tmp/.nodes/dead-node.lock");
        ScratchSweeper sweeper = start();
        try {
            assertThat(render.getParent().getParent()).as("the killed render's folder").doesNotExist();
            assertThat(probe).doesNotExist();
            assertThat(upload).doesNotExist();
            assertThat(deadNode).as("a dead node's lock file").doesNotExist();
        } finally {
            sweeper.release();
        }
    }

    @Test
    void withAnotherNodeAliveOnlyIdleLeftoversAreSwept() throws Exception {
        Path lock = leftover("tmp/.nodes/live-node.lock");
        Path recent = leftover("tmp/jobs/running-job/frame.yuv");
        Path idle = leftover("tmp/jobs/killed-job/frame.yuv");
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        Files.setLastModifiedTime(idle, FileTime.from(twoHoursAgo));
        Files.setLastModifiedTime(idle.getParent(), FileTime.from(twoHoursAgo));
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            ScratchSweeper sweeper = start();
            try {
                assertThat(recent).exists();
                assertThat(idle.getParent()).doesNotExist();
                assertThat(lock).as("a live node's lock file").exists();
            } finally {
                sweeper.release();
            }
        }
    }

    @Test
    void abandonedMultipartUploadsAreRemovedOnceTheirUrlsHaveExpired() throws Exception {
        FilesystemObjectStore store = store();
        store.startMultipart("projects/p/big.bin", 2, Duration.ofHours(1), "http://x");
        assertThat(store.removeUploadsStartedBefore(Instant.now().minusSeconds(60))).isZero();
        assertThat(store.removeUploadsStartedBefore(Instant.now().plusSeconds(60))).isEqualTo(1);
        try (var left = Files.list(dataDir.resolve("objects-multipart"))) {
            assertThat(left).isEmpty();
        }
    }

    private ScratchSweeper start() {
        EmulatorProperties properties = new EmulatorProperties(dataDir, "", "", null, null, null, null, null);
        StorageProperties storage = new StorageProperties(null, null, null, null);
        return new ScratchSweeper(properties, store(), storage, Clock.systemUTC());
    }

    private FilesystemObjectStore store() {
        return new FilesystemObjectStore(dataDir, new ObjectUrlSigner(() -> new byte[32], Clock.systemUTC()));
    }

    private Path leftover(String relative) throws Exception {
        Path file = dataDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "left behind");
        return file;
    }
}
